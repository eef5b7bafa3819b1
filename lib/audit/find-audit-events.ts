import { and, asc, desc, eq, gte, inArray, like, lt, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { auditActions } from './audit-actions';
import { summaryLabel, summaryValue } from './summary-labels';
import { decodeEventKey, encodeEventKey, resolveWindow, type EventKey, type SyncLogFilters, type SyncLogQuery, type TimeWindow } from './sync-log-query';

export const SYNC_LOG_PAGE_SIZE = 50;

/** One line of the sync log table and of the CSV export: never the Drizzle row. */
export type SyncEventRowDto = {
  key: string;
  occurredAt: string;
  action: string;
  method: string | null;
  path: string | null;
  status: number | null;
  idp: string | null;
  durationMs: number | null;
  tokenName: string | null;
  resourceId: string | null;
  /** The person's userName or the group's displayName as it was at the time of the request. */
  resourceName: string | null;
  filter: string | null;
  errorType: string | null;
  errorDetail: string | null;
};

/** What the detail view shows: the redacted request summary, read tolerantly (old rows may lack keys). */
export type SyncEventDetailDto = SyncEventRowDto & {
  resourceType: string | null;
  ops: string[];
  attributes: string[];
  adaptations: string[];
  ignoredAttributes: string[];
  notes: string[];
  /** Other summary values worth showing, labelled in words ("Members added": "50"). */
  extra: { name: string; value: string }[];
};

export type SyncLogPage = { rows: SyncEventRowDto[]; newerCursor: string | null; olderCursor: string | null };

// Microsecond text: a JS Date keeps only milliseconds, and a cursor rounded to the millisecond
// would skip rows that share it. The same text works as a timestamptz literal.
const atText = sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const rowColumns = {
  at: atText,
  id: auditEvents.id,
  action: auditEvents.action,
  status: auditEvents.status,
  idp: auditEvents.idp,
  durationMs: auditEvents.durationMs,
  tokenName: auditEvents.actorLabel,
  resourceId: auditEvents.resourceId,
  resourceName: sql<string | null>`${auditEvents.summary}->>'resourceName'`,
  method: sql<string | null>`${auditEvents.summary}->>'method'`,
  path: sql<string | null>`${auditEvents.summary}->>'path'`,
  filter: sql<string | null>`${auditEvents.summary}->>'filter'`,
  errorType: sql<string | null>`${auditEvents.summary}->'error'->>'scimType'`,
  errorDetail: sql<string | null>`${auditEvents.summary}->'error'->>'detail'`,
};

/** The exact scim.* actions an operation/resource filter means; undefined = every scim.* row. */
function matchingActions(filters: SyncLogFilters): string[] | undefined {
  if (!filters.op && !filters.resource) return undefined;
  return auditActions.filter((action) => {
    const [domain, resource, op] = action.split('.');
    if (domain !== 'scim') return false;
    if (filters.resource && resource !== filters.resource.toLowerCase()) return false;
    return !filters.op || op === filters.op;
  });
}

/**
 * The sync log's WHERE: org first, then the time window, so every query is a range of the
 * primary key (org_id, occurred_at, id); an exact action list can use (org_id, action, occurred_at).
 */
export function syncLogWhere(orgId: string, filters: SyncLogFilters, window: TimeWindow): SQL {
  const actions = matchingActions(filters);
  const conditions: (SQL | undefined)[] = [
    eq(auditEvents.orgId, orgId),
    gte(auditEvents.occurredAt, window.from),
    lt(auditEvents.occurredAt, window.to),
    actions ? inArray(auditEvents.action, actions) : like(auditEvents.action, 'scim.%'),
    filters.outcome === 'success' ? lt(auditEvents.status, 400) : undefined,
    filters.outcome === 'failure' ? gte(auditEvents.status, 400) : undefined,
    filters.idp ? eq(auditEvents.idp, filters.idp) : undefined,
    filters.person ? personMatches(filters.person) : undefined,
  ];
  return and(...conditions) as SQL;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * "Person or group": part of the userName / displayName the row was written with, or the exact
 * SCIM id. Scanned within the org's time window, which the primary key already bounds.
 */
function personMatches(person: string): SQL {
  return sql`(${auditEvents.summary}->>'resourceName' ilike ${`%${escapeLike(person)}%`} or ${auditEvents.resourceId} = ${person.toLowerCase()})`;
}

function toRowDto(row: { at: string; id: string } & Omit<SyncEventRowDto, 'key' | 'occurredAt'>): SyncEventRowDto {
  const { at, id, ...rest } = row;
  return { key: encodeEventKey({ at, id }), occurredAt: at, ...rest };
}

/**
 * Up to `limit` rows after `after` in the given direction. A row comparison on the primary key's
 * trailing columns: seeking to page 10,000 costs what page 1 costs (no OFFSET).
 */
export async function findSyncLogRows(
  db: DbOrTx,
  orgId: string,
  filters: SyncLogFilters,
  window: TimeWindow,
  after: EventKey | null,
  direction: 'older' | 'newer',
  limit: number,
): Promise<SyncEventRowDto[]> {
  const older = direction === 'older';
  const seek = after
    ? older
      ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
      : sql`(${auditEvents.occurredAt}, ${auditEvents.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`
    : undefined;
  const order = older ? desc : asc;
  const rows = await db
    .select(rowColumns)
    .from(auditEvents)
    .where(and(syncLogWhere(orgId, filters, window), seek))
    .orderBy(order(auditEvents.occurredAt), order(auditEvents.id))
    .limit(limit);
  return rows.map(toRowDto);
}

/** One page, newest first. One extra row tells whether there is more in the direction of travel. */
export async function findSyncLogPage(
  db: DbOrTx,
  orgId: string,
  query: SyncLogQuery,
  now: Date = new Date(),
  pageSize = SYNC_LOG_PAGE_SIZE,
): Promise<SyncLogPage> {
  const cursor = decodeEventKey(query.cursor);
  const direction = cursor ? query.dir : 'older';
  const fetched = await findSyncLogRows(db, orgId, query, resolveWindow(query, now), cursor, direction, pageSize + 1);
  const more = fetched.length > pageSize;
  const page = fetched.slice(0, pageSize);
  const rows = direction === 'newer' ? page.reverse() : page;
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Coming from a cursor means there is something on the other side of it.
  const hasNewer = direction === 'newer' ? more : cursor !== null;
  const hasOlder = direction === 'older' ? more : cursor !== null;
  return {
    rows,
    newerCursor: hasNewer && first ? first.key : null,
    olderCursor: hasOlder && last ? last.key : null,
  };
}

/** One sync-log event by its key: a primary-key lookup, scoped to the org (another org's is "not found"). */
export async function getSyncLogEvent(db: DbOrTx, orgId: string, keyText: string): Promise<SyncEventDetailDto | null> {
  const key = decodeEventKey(keyText);
  if (!key) return null;
  const [row] = await db
    .select({ ...rowColumns, resourceType: auditEvents.resourceType, summary: auditEvents.summary })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        sql`${auditEvents.occurredAt} = ${key.at}::timestamptz`,
        eq(auditEvents.id, key.id),
        like(auditEvents.action, 'scim.%'),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { summary, resourceType, ...base } = row;
  return toSyncEventDetail(toRowDto(base), resourceType, summary);
}

const shown = new Set(['method', 'path', 'filter', 'error', 'ops', 'attributes', 'adaptations', 'ignoredAttributes', 'notes', 'resourceName']);

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A PATCH op as one line: "replace active", or "add (no path): name.givenName, title". */
function opLine(op: unknown): string {
  const o = (op ?? {}) as Record<string, unknown>;
  const name = typeof o.op === 'string' ? o.op : '?';
  if (typeof o.path === 'string') return `${name} ${o.path}`;
  const keys = strings(o.keys);
  return keys.length ? `${name} (no path): ${keys.join(', ')}` : `${name} (no path)`;
}

function toSyncEventDetail(row: SyncEventRowDto, resourceType: string | null, summary: Record<string, unknown>): SyncEventDetailDto {
  const extra = Object.entries(summary)
    .filter((entry): entry is [string, string | number | boolean] => !shown.has(entry[0]) && ['string', 'number', 'boolean'].includes(typeof entry[1]))
    .map(([name, value]) => ({ name: summaryLabel(name), value: summaryValue(value) }));
  return {
    ...row,
    resourceType,
    ops: Array.isArray(summary.ops) ? summary.ops.map(opLine) : [],
    attributes: strings(summary.attributes),
    adaptations: strings(summary.adaptations),
    ignoredAttributes: strings(summary.ignoredAttributes),
    notes: strings(summary.notes),
    extra,
  };
}
