import fs from 'node:fs';
import path from 'node:path';
import { fmtInt, fmtMs } from '../shared/stats';
import type { Row } from './scenario';
import { scale, type Sizes } from './sizes';

export type Check = { target: string; measured: string; pass: boolean | null };

const HEAD = [
  'scenario',
  'users',
  'conc',
  'ops',
  'rate/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'errors',
  'floor/s',
  'floor p95',
  '× floor',
  'RSS MB',
  'srv CPU',
  'pg CPU',
];

/** The results table, fixed-width, one row per scenario; the CPU columns are ms per server op. */
export function formatTable(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.name + (r.server.capped ? ' (time cap)' : ''),
    fmtInt(r.users),
    String(r.concurrency),
    fmtInt(r.server.ops),
    fmtInt(r.server.rate),
    fmtMs(r.server.latency.p50),
    fmtMs(r.server.latency.p95),
    fmtMs(r.server.latency.p99),
    fmtInt(r.server.errors),
    r.floor ? fmtInt(r.floor.rate) : '-',
    r.floor ? fmtMs(r.floor.latency.p95) : '-',
    r.ratio === null ? '-' : r.ratio.toFixed(2),
    fmtInt(r.rssMb),
    r.serverCpuMsPerOp === null ? '-' : fmtMs(r.serverCpuMsPerOp),
    r.postgresCpuMsPerOp === null ? '-' : fmtMs(r.postgresCpuMsPerOp),
  ]);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

const WRITE_HEAD = ['write (issue 15)', 'rate/s', 'p50 ms', 'p95 ms', 'first ms', 'bare/s', 'bare p50', 'bare p95', '× bare'];

/**
 * Each write beside its bare floor (scripts/bench/floor.ts bareFloorOps: the row change alone in
 * one autocommit statement), and the lookups beside theirs (the floor's one SELECT). "first ms"
 * is the scenario's first request: what a cold code path costs.
 */
export function formatWriteTable(rows: Row[]): string {
  const cells = rows
    .filter((r) => r.bare || r.key.startsWith('lookup@'))
    .map((r) => {
      const bare = r.bare ?? r.floor;
      const ratio = r.bare ? (r.bareRatio ?? null) : r.ratio;
      return [
        r.name,
        fmtInt(r.server.rate),
        fmtMs(r.server.latency.p50),
        fmtMs(r.server.latency.p95),
        fmtMs(r.server.firstMs ?? NaN),
        bare ? fmtInt(bare.rate) : '-',
        bare ? fmtMs(bare.latency.p50) : '-',
        bare ? fmtMs(bare.latency.p95) : '-',
        ratio === null ? '-' : ratio.toFixed(2),
      ];
    });
  if (cells.length === 0) return '';
  const widths = WRITE_HEAD.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  return [line(WRITE_HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** The targets, each with what this run measured (null: not measured in this run). */
export function checkTargets(rows: Row[], peakRssMb: number, sizes: Sizes): Check[] {
  const largeLabel = scale(sizes.large);
  const n = (v: number) => v.toLocaleString('en-US');
  const get = (key: string) => rows.find((r) => r.key === key);
  const checks: Check[] = [];
  const add = (target: string, row: Row | undefined, measured: (r: Row) => string, pass: (r: Row) => boolean) =>
    checks.push(row ? { target, measured: measured(row), pass: pass(row) } : { target, measured: 'not measured', pass: null });
  const rate = (r: Row) => `${fmtInt(r.server.rate)}/s`;
  const p95 = (r: Row) => `p95 ${fmtMs(r.server.latency.p95)} ms`;
  add(
    'create user ≥ 1,000/s, p95 ≤ 25 ms, ≥ 0.4 × floor',
    get('create@1k'),
    (r) => `${rate(r)}, ${p95(r)}, ${r.ratio?.toFixed(2) ?? '-'} × floor`,
    (r) => r.server.rate >= 1000 && r.server.latency.p95 <= 25 && (r.ratio === null || r.ratio >= 0.4) && r.server.errors === 0,
  );
  add(
    'lookup by userName ≥ 2,000/s, p95 ≤ 10 ms',
    get('lookup@1k'),
    (r) => `${rate(r)}, ${p95(r)}`,
    (r) => r.server.rate >= 2000 && r.server.latency.p95 <= 10,
  );
  for (const kind of ['create', 'lookup']) {
    const small = get(`${kind}@1k`);
    add(
      `${kind} at ${largeLabel} within 1.25 × its rate at 1k`,
      small && get(`${kind}@${largeLabel}`),
      (r) => `${rate(r)} vs ${small ? rate(small) : '-'} (${small ? (small.server.rate / r.server.rate).toFixed(2) : '-'} ×)`,
      (r) => Boolean(small && small.server.rate <= 1.25 * r.server.rate),
    );
  }
  add(`PATCH +${n(sizes.groupAdd)} members p95 ≤ 100 ms`, get('patch-add'), p95, (r) => r.server.latency.p95 <= 100 && r.server.errors === 0);
  add(
    `PATCH +${n(sizes.bigAdd)} into a ${largeLabel} group ≤ 500 ms`,
    get('patch-add-big'),
    (r) => `${p95(r)}, max ${fmtMs(r.server.latency.max)} ms`,
    (r) => r.server.latency.max <= 500 && r.server.errors === 0,
  );
  const plainBig = get('patch-add-big');
  add(
    `the same PATCH into the group mapped to a role within 1.5 × (issue 12)`,
    plainBig && get('patch-add-big-mapped'),
    (r) =>
      `p50 ${fmtMs(r.server.latency.p50)} vs ${fmtMs(plainBig?.server.latency.p50 ?? NaN)} ms (${(r.server.latency.p50 / (plainBig?.server.latency.p50 ?? 1)).toFixed(2)} ×)`,
    (r) => Boolean(plainBig && r.server.latency.p50 <= 1.5 * plainBig.server.latency.p50 && r.server.errors === 0),
  );
  add(`GET group excludedAttributes=members at ${largeLabel} p95 ≤ 10 ms`, get('get-group-big'), p95, (r) => r.server.latency.p95 <= 10);
  const first = get('page-first');
  add(
    `page at startIndex ${n(Math.floor(sizes.large * 0.9) + 1)} within 2 × the first page`,
    first && get('page-deep'),
    (r) =>
      `p50 ${fmtMs(r.server.latency.p50)} vs ${fmtMs(first?.server.latency.p50 ?? NaN)} ms (${(r.server.latency.p50 / (first?.server.latency.p50 ?? 1)).toFixed(1)} ×)`,
    (r) => Boolean(first && r.server.latency.p50 <= 2 * first.server.latency.p50),
  );
  add(
    `Entra cycle of ${n(sizes.entra.users)} users ≤ 30 s with 0 errors`,
    get('entra-cycle'),
    (r) => `${(r.server.durationMs / 1000).toFixed(1)} s, ${r.server.errors} errors`,
    (r) => r.server.durationMs <= 30_000 && r.server.errors === 0 && !r.server.capped,
  );
  // Issue 15: each write as a ratio to its bare floor in the same run.
  for (const [key, goal] of [
    ['create@1k', 0.25],
    ['patch-user', 0.15],
    ['delete-user', 0.25],
  ] as const) {
    add(
      `${get(key)?.name ?? key} ≥ ${goal} × its bare floor (issue 15)`,
      get(key)?.bare ? get(key) : undefined,
      (r) => `${rate(r)} vs ${fmtInt(r.bare?.rate ?? NaN)}/s (${r.bareRatio?.toFixed(2) ?? '-'} ×)`,
      (r) => (r.bareRatio ?? 0) >= goal && r.server.errors === 0,
    );
  }
  checks.push({ target: 'server RSS ≤ 400 MB throughout', measured: `peak ${fmtInt(peakRssMb)} MB`, pass: peakRssMb <= 400 });
  return checks;
}

export function formatChecks(checks: Check[]): string {
  const width = Math.max(...checks.map((c) => c.target.length));
  return checks.map((c) => `${c.pass === null ? 'n/a ' : c.pass ? 'MET ' : 'MISS'}  ${c.target.padEnd(width)}  ${c.measured}`).join('\n');
}

/** Writes bench-results/<timestamp>.json and returns its path. */
export function writeJson(result: Record<string, unknown>): string {
  const dir = path.resolve('bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
