import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './shared/stats';
import { chunk, runPool } from './shared/pool';
import { parseBenchArgs } from './bench/args';
import { measure } from './bench/measure';
import { checkTargets, formatChecks, formatTable } from './bench/report';
import type { Row } from './bench/scenario';
import { FULL } from './bench/sizes';

// The benchmark's own arithmetic and plumbing; `npm run bench:smoke` runs it for real.
describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([3, 1, 2])).toMatchObject({ count: 3, p50: 2, max: 3, mean: 2 });
  });
});

describe('pool and measure', () => {
  it('never runs more than the concurrency at once and chunks evenly', async () => {
    let inFlight = 0;
    let peak = 0;
    await runPool(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
      },
    );
    expect(peak).toBe(3);
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('counts failures and stops at the time cap', async () => {
    const failing = await measure({ ops: 10, concurrency: 2, timeCapMs: 5_000, run: async (i) => i % 5 !== 0 });
    expect(failing).toMatchObject({ ops: 10, errors: 2, capped: false });
    const capped = await measure({ ops: 1_000, concurrency: 1, timeCapMs: 50, run: () => new Promise((resolve) => setTimeout(resolve, 10)) });
    expect(capped.capped).toBe(true);
    expect(capped.ops).toBeLessThan(1_000);
  });
});

describe('bench flags', () => {
  it('picks the quick sizes and a database next to TEST_DATABASE_URL', () => {
    const args = parseBenchArgs(['--quick', '--no-build'], { TEST_DATABASE_URL: 'postgres://u@db:5432/roster_test' });
    expect(args).toMatchObject({ noBuild: true, pglite: false, sizes: { label: 'quick' }, databaseUrl: 'postgres://u@db:5432/roster_bench' });
    expect(parseBenchArgs([], { BENCH_DATABASE_URL: 'postgres://x@h/b' }).databaseUrl).toBe('postgres://x@h/b');
    expect(() => parseBenchArgs(['--large', '10'])).toThrow(/--large/);
    expect(parseBenchArgs(['--only', 'patch-add-big, patch-add-big-mapped', '--port', '3121'])).toMatchObject({
      only: ['patch-add-big', 'patch-add-big-mapped'],
      port: 3121,
    });
    expect(() => parseBenchArgs(['--port', 'x'])).toThrow(/--port/);
  });
});

describe('report', () => {
  const m = (rate: number, p95: number) => ({
    ops: 100,
    errors: 0,
    durationMs: 1000,
    rate,
    capped: false,
    latency: { count: 100, p50: p95 / 2, p95, p99: p95, max: p95, mean: p95 / 2 },
  });
  const row = (key: string, rate: number, p95: number, floorRate?: number): Row => ({
    key,
    name: key,
    users: 1000,
    concurrency: 8,
    server: m(rate, p95),
    floor: floorRate ? m(floorRate, 1) : null,
    ratio: floorRate ? rate / floorRate : null,
    rssMb: 200,
    serverCpuMsPerOp: 1,
    postgresCpuMsPerOp: null,
  });
  it('prints every row and judges each target', () => {
    const rows = [row('create@1k', 1200, 20, 2000), row('lookup@1k', 1500, 8), row('create@100k', 1000, 22), row('lookup@100k', 1400, 9)];
    expect(formatTable(rows).split('\n')).toHaveLength(2 + rows.length);
    const checks = checkTargets(rows, 350, FULL);
    expect(checks.find((c) => c.target.startsWith('create user'))?.pass).toBe(true);
    expect(checks.find((c) => c.target.startsWith('lookup by userName'))?.pass).toBe(false);
    expect(checks.find((c) => c.target.startsWith('create at 100k'))?.pass).toBe(true);
    expect(checks.find((c) => c.target.startsWith('PATCH +1,000'))?.pass).toBeNull();
    expect(formatChecks(checks)).toMatch(/^MET +create user/m);
  });
});
