import type { SimulationResult } from './cycle';
import { fmtInt, fmtMs } from '../shared/stats';

/** The closing summary: totals, errors by status, per-phase and per-request-kind figures. */
export function formatSummary(r: SimulationResult): string {
  const errors = Object.entries(r.errorsByStatus)
    .map(([status, n]) => `${status} × ${fmtInt(n)}`)
    .join(', ');
  const lines = [
    `${r.label} simulation ${r.runId}: ${fmtInt(r.requests)} requests in ${(r.durationMs / 1000).toFixed(1)} s (${fmtInt(r.requestsPerSecond)} requests/s)`,
    `errors: ${r.errors === 0 ? 'none' : `${fmtInt(r.errors)} (${errors})`}`,
  ];
  if (r.stoppedEarly) lines.push(`stopped early: ${r.stoppedEarly}`);
  const hint = hintFor(r.errorsByStatus);
  if (hint) lines.push(hint);
  lines.push('', 'phase            requests   seconds');
  for (const p of r.phases) lines.push(`${p.name.padEnd(16)} ${fmtInt(p.requests).padStart(8)} ${(p.ms / 1000).toFixed(1).padStart(9)}`);
  lines.push('', 'request            count    p50 ms   p95 ms   p99 ms');
  for (const [kind, s] of Object.entries(r.byKind)) {
    lines.push(`${kind.padEnd(16)} ${fmtInt(s.count).padStart(7)} ${fmtMs(s.p50).padStart(9)} ${fmtMs(s.p95).padStart(8)} ${fmtMs(s.p99).padStart(8)}`);
  }
  const e = r.expected;
  lines.push(
    '',
    `Roster should now hold for this run: ${fmtInt(e.users)} people (${fmtInt(e.active)} active, ${fmtInt(e.suspended)} suspended), ${fmtInt(e.groups)} groups, ${fmtInt(e.memberships)} memberships.`,
  );
  if (r.samples.length) lines.push('', 'first failures:', ...r.samples.map((s) => `  ${s}`));
  return lines.join('\n');
}

/** What to do about the commonest failures, in a user's words. */
function hintFor(errors: Record<string, number>): string | undefined {
  if (errors.network) return 'hint: nothing answered at --url: is Roster running, and does the URL end in /api/scim/v2?';
  if (errors['401']) return 'hint: the token was refused: create one with `npm run token:create -- --org <slug> --name Simulator`.';
  if (errors['403']) return 'hint: the token lacks the scim:manage scope.';
  if (errors['404'] && Object.keys(errors).length === 1) return 'hint: 404s only: check that --url is the SCIM base URL (…/api/scim/v2).';
  if (errors['429']) return 'hint: Roster rate-limited the token (SCIM_TOKEN_RATE_LIMIT_PER_MINUTE); lower --concurrency.';
  if (errors.timeout) return 'hint: requests timed out: the server is overloaded; lower --concurrency or raise --timeout.';
  return undefined;
}
