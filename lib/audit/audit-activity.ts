import { and, desc, eq, gte, like, sql, type SQL } from 'drizzle-orm';
import { auditEvents, organizations } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { encodeEventKey, type SyncLogFilters, type TimeWindow } from './sync-log-query';
import { syncLogWhere } from './find-audit-events';
import { scimErrorText, scimSummaryText } from './read-scim-summary';

/**
 * What the IdP has been doing, for the Directory Sync card and the sync-log chart. Every query
 * is bounded by org and by time (or by LIMIT), never a count over the whole log.
 */

export type ActivityBucket = { start: string; requests: number; errors: number };
export type SyncActivity = { from: string; to: string; bucketSeconds: number; buckets: ActivityBucket[]; requests: number; errors: number };

export const MAX_BUCKETS = 60;
// Widths a person reads easily; the smallest that keeps the chart within MAX_BUCKETS wins.
const NICE_WIDTHS = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 30 * 86_400];

export function bucketSecondsFor(spanMs: number): number {
  const span = Math.max(spanMs, 1000) / 1000;
  return NICE_WIDTHS.find((w) => Math.ceil(span / w) <= MAX_BUCKETS) ?? Math.ceil(span / MAX_BUCKETS);
}

/** Requests and errors per bucket over the window, binned in SQL and filled with zeros. */
export async function findSyncActivity(db: DbOrTx, orgId: string, filters: SyncLogFilters, window: TimeWindow): Promise<SyncActivity> {
  const seconds = bucketSecondsFor(window.to.getTime() - window.from.getTime());
  const from = window.from.toISOString();
  // The bucket's index, computed in SQL from the exact window start: a bucket start sent back as
  // text loses its milliseconds and would land one bucket early (issue 13).
  const index = sql<number>`floor(extract(epoch from (${auditEvents.occurredAt} - ${from}::timestamptz)) / ${seconds})::int`;
  // GROUP BY 1: the same parameterised expression twice would not count as equal to PostgreSQL.
  const rows = await db
    .select({
      index,
      requests: sql<number>`count(*)::int`,
      errors: sql<number>`(count(*) filter (where ${auditEvents.status} >= 400))::int`,
    })
    .from(auditEvents)
    .where(syncLogWhere(orgId, filters, window))
    .groupBy(sql`1`);
  const count = Math.max(1, Math.ceil((window.to.getTime() - window.from.getTime()) / (seconds * 1000)));
  const buckets: ActivityBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(window.from.getTime() + i * seconds * 1000).toISOString(),
    requests: 0,
    errors: 0,
  }));
  for (const row of rows) {
    const bucket = buckets[Math.min(Math.max(Number(row.index), 0), count - 1)];
    if (!bucket) continue;
    bucket.requests += Number(row.requests);
    bucket.errors += Number(row.errors);
  }
  const requests = buckets.reduce((n, b) => n + b.requests, 0);
  const errors = buckets.reduce((n, b) => n + b.errors, 0);
  return { from, to: window.to.toISOString(), bucketSeconds: seconds, buckets, requests, errors };
}

export type FailureDto = {
  key: string;
  occurredAt: string;
  action: string;
  status: number;
  path: string | null;
  scimType: string | null;
  detail: string | null;
};
export type SyncHealth = { lastEventAt: string | null; lastIdp: string | null; requests24h: number; errors24h: number; latestFailure: FailureDto | null };

/** The card's numbers: the latest SCIM call, and the last 24 hours' requests, errors and latest failure. */
export async function findSyncHealth(db: DbOrTx, orgId: string, now: Date = new Date()): Promise<SyncHealth> {
  const scim = and(eq(auditEvents.orgId, orgId), like(auditEvents.action, 'scim.%'));
  const since = and(scim, gte(auditEvents.occurredAt, new Date(now.getTime() - 86_400_000)));
  const at = sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const [[latest], [day], [failure]] = await Promise.all([
    db.select({ at, idp: auditEvents.idp }).from(auditEvents).where(scim).orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id)).limit(1),
    db
      .select({ requests: sql<number>`count(*)::int`, errors: sql<number>`(count(*) filter (where ${auditEvents.status} >= 400))::int` })
      .from(auditEvents)
      .where(since),
    db
      .select({
        at,
        id: auditEvents.id,
        action: auditEvents.action,
        status: auditEvents.status,
        path: scimSummaryText(auditEvents.summary, 'path'),
        scimType: scimErrorText(auditEvents.summary, 'scimType'),
        detail: scimErrorText(auditEvents.summary, 'detail'),
      })
      .from(auditEvents)
      .where(and(since, gte(auditEvents.status, 400)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(1),
  ]);
  return {
    lastEventAt: latest?.at ?? null,
    lastIdp: latest?.idp ?? null,
    requests24h: Number(day?.requests ?? 0),
    errors24h: Number(day?.errors ?? 0),
    latestFailure: failure
      ? {
          key: encodeEventKey({ at: failure.at, id: failure.id }),
          occurredAt: failure.at,
          action: failure.action,
          status: failure.status ?? 0,
          path: failure.path,
          scimType: failure.scimType,
          detail: failure.detail,
        }
      : null,
  };
}

/** Which of each IdP's first calls have been seen. Keys are stable: the checklist UI maps them to words. */
export type SetupSignals = {
  authenticated: boolean;
  userProvisioned: boolean;
  groupPushed: boolean;
  entraTestConnection: boolean;
  oktaLookup: boolean;
  oneloginGroups: boolean;
  jumpcloudTestUser: boolean;
};

// Each check reads at most this many of the newest rows of one action through the
// (org_id, action, occurred_at) index, so an org with a million events answers as fast as a new
// one. A test call older than that many later calls of its kind no longer matters: sync is running.
const SCAN = 10_000;

function seen(orgId: string, actions: string[], extra: SQL = sql`true`): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from (
      select status, idp, summary from audit_events
      where org_id = ${orgId}::uuid and action in (${sql.join(
        actions.map((a) => sql`${a}`),
        sql`, `,
      )})
      order by occurred_at desc limit ${SCAN}
    ) recent where ${extra})`;
}

export async function findSetupSignals(db: DbOrTx, orgId: string): Promise<SetupSignals> {
  const ok = sql`recent.status < 400`;
  // Entra's Test Connection and Okta's pre-create check: GET /Users?filter=userName eq "…".
  const lookup = (idp: string) =>
    seen(orgId, ['scim.user.list'], sql`${ok} and recent.idp = ${idp} and ${scimSummaryText(sql`recent.summary`, 'filter')} ~* '^\\s*username\\s+eq\\s'`);
  const [row] = await db
    .select({
      // A token's first use is stamped on every successful call; a failed call past authentication
      // (e.g. a wrong path) is any logged SCIM row except an auth failure. The second EXISTS only
      // runs while the first is false, i.e. while the org has next to no traffic.
      authenticated: sql<boolean>`exists (select 1 from scim_tokens where org_id = ${orgId}::uuid and first_used_at is not null)
        or exists (select 1 from audit_events where org_id = ${orgId}::uuid and action like 'scim.%' and action <> 'scim.auth.fail')`,
      userProvisioned: seen(orgId, ['scim.user.create'], ok),
      groupPushed: seen(orgId, ['scim.group.create'], ok),
      entraTestConnection: lookup('entra'),
      oktaLookup: lookup('okta'),
      oneloginGroups: seen(orgId, ['scim.group.list'], sql`${ok} and recent.idp = 'onelogin'`),
      jumpcloudTestUser: sql<boolean>`(${seen(orgId, ['scim.user.create'], sql`${ok} and recent.idp = 'jumpcloud'`)})
        and (${seen(orgId, ['scim.user.delete'], sql`${ok} and recent.idp = 'jumpcloud'`)})`,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const no = {
    authenticated: false,
    userProvisioned: false,
    groupPushed: false,
    entraTestConnection: false,
    oktaLookup: false,
    oneloginGroups: false,
    jumpcloudTestUser: false,
  };
  if (!row) return no;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === true || (v as unknown) === 't'])) as SetupSignals;
}

/** A failed call in plain words, with what to do about it. */
export function explainFailure(failure: Pick<FailureDto, 'action' | 'status' | 'detail' | 'scimType'>): string {
  const detail = failure.detail ?? '';
  switch (true) {
    case failure.status === 401 && /expired/i.test(detail):
      return 'The token has expired: create a new one below and paste it into your IdP.';
    case failure.status === 401:
      return 'The token was revoked or is not valid: create a new one below and paste it into your IdP.';
    case failure.status === 403:
      return 'The token lacks the Manage SCIM scope: create a token with that scope.';
    case failure.status === 404 && (failure.action === 'scim.request.invalid' || /no scim endpoint/i.test(detail)):
      return 'Wrong URL path: the base URL must end in /api/scim/v2. Paste the endpoint above exactly.';
    case failure.status === 404:
      return 'The IdP asked for a user or group Roster does not have (deleted here?). It usually recreates it on its next cycle.';
    case failure.status === 400 && /e-?mail/i.test(detail):
      return 'Missing email: map a work email (emails[type eq "work"].value) in your IdP’s attribute mappings.';
    case failure.status === 400:
      return `Roster could not accept what the IdP sent${detail ? `: ${detail}` : ''}. Check the attribute mappings.`;
    case failure.status === 409:
      return 'A user with that userName already exists: match users on userName in your IdP, or remove the duplicate here.';
    case failure.status === 412:
      return 'The record changed after the IdP read it (ETag mismatch). The IdP retries on its own.';
    case failure.status === 501:
      return `Not supported by Roster${detail ? `: ${detail}` : ''}. Turn that feature off in your IdP.`;
    case failure.status >= 500:
      return 'Roster failed to handle this request. Nothing was changed; the IdP retries on its own.';
    default:
      return detail || `The request failed with HTTP ${failure.status}.`;
  }
}
