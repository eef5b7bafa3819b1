import { bodyCases } from './corpus-bodies';
import { jsonCases } from './corpus-json';
import { patchCases } from './corpus-patch';
import { pathCases } from './corpus-paths';
import { queryCases } from './corpus-query';
import { ENDPOINTS, type Endpoint, type HostileCase } from './corpus-types';
import type { Reply, Snapshot } from './hostile-fixture';

/** The whole corpus, in a fixed order. */
export const hostileCorpus: readonly HostileCase[] = [...jsonCases, ...bodyCases, ...patchCases, ...queryCases, ...pathCases];

export function countByEndpoint(cases: readonly HostileCase[]): Record<Endpoint, number> {
  const counts = Object.fromEntries(ENDPOINTS.map((e) => [e, 0])) as Record<Endpoint, number>;
  for (const kase of cases) counts[kase.endpoint] += 1;
  return counts;
}

export function label(kase: HostileCase): string {
  const path = typeof kase.path === 'string' ? kase.path : kase.endpoint;
  return `${kase.method} ${path.slice(0, 80)} — ${kase.name}`;
}

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const SCIM_TYPES = new Set([
  'invalidFilter',
  'tooMany',
  'uniqueness',
  'mutability',
  'invalidSyntax',
  'invalidPath',
  'noTarget',
  'invalidValue',
  'invalidVers',
  'sensitive',
]);
/** Stack frames, source paths, or PostgreSQL's own words in a detail mean an internal error leaked. */
const LEAK = /\n\s*at |\bat \S+ \(|\/work\/|node_modules|\.tsx?:\d+|Failed query|syntax error at or near|duplicate key value|violates .* constraint|relation "/;

/** Everything wrong with one reply; empty means the case passed. */
export function problemsOf(kase: HostileCase, reply: Reply, before: Snapshot, after: Snapshot): string[] {
  const problems: string[] = [];
  const allowed = kase.status ?? [400];
  if (!allowed.includes(reply.status)) problems.push(`status ${reply.status} (want ${allowed.join('/')}): ${reply.text.slice(0, 160)}`);
  if (reply.headers.get('content-type') !== 'application/scim+json') problems.push(`content-type ${reply.headers.get('content-type')}`);
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(reply.text) as Record<string, unknown>;
  } catch {
    problems.push(`body is not JSON: ${reply.text.slice(0, 80)}`);
  }
  if (body) {
    if (JSON.stringify(body.schemas) !== JSON.stringify([ERROR_SCHEMA])) problems.push(`schemas ${JSON.stringify(body.schemas)}`);
    if (body.status !== String(reply.status)) problems.push(`body status ${JSON.stringify(body.status)}`);
    if (typeof body.detail !== 'string' || body.detail.length === 0) problems.push('no detail');
    else if (LEAK.test(body.detail)) problems.push(`detail leaks internals: ${body.detail.slice(0, 200)}`);
    // Echoing the request is bounded: a detail may quote a filter (≤ 2,000 characters), no more.
    else if (body.detail.length > 2_500) problems.push(`detail of ${body.detail.length} characters echoes the request`);
    if (body.scimType !== undefined && !SCIM_TYPES.has(String(body.scimType))) problems.push(`scimType ${String(body.scimType)}`);
    if (kase.scimType !== undefined && body.scimType !== kase.scimType) problems.push(`scimType ${String(body.scimType)} (want ${kase.scimType})`);
  }
  if (reply.status === 405 && !reply.headers.get('allow')) problems.push('405 without Allow');
  if (reply.status === 401 && !/^Bearer/.test(reply.headers.get('www-authenticate') ?? '')) problems.push('401 without a Bearer challenge');
  if (reply.status === 429 && !/^\d+$/.test(reply.headers.get('retry-after') ?? '')) problems.push('429 without an integer Retry-After');
  for (const key of ['members', 'groups', 'groupMembers'] as const) {
    if (before[key] !== after[key]) problems.push(`database changed: ${key}`);
  }
  // A valid token names the org, so the call is in its sync log once (STYLE pattern 4); an
  // unknown token names no org and logs nowhere. Org B never hears of org A's calls.
  const logged = kase.headers?.authorization === undefined ? 1 : 0;
  if (after.auditA - before.auditA !== logged) problems.push(`sync log gained ${after.auditA - before.auditA} rows (want ${logged})`);
  if (after.auditB !== before.auditB) problems.push("the other org's sync log changed");
  return problems;
}
