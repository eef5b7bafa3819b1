import { and, asc, desc, eq, gte, inArray, like, lt, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { auditActions } from './audit-actions';
import { readScimSummary, scimErrorText, scimSummaryText, type KnownScimSummary } from './read-scim-summary';
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
  resourceName: scimSummaryText(auditEvents.summary, 'resourceName'),
  method: scimSummaryText(auditEvents.summary, 'method'),
  path: scimSummaryText(auditEvents.summary, 'path'),
  filter: scimSummaryText(auditEvents.summary, 'filter'),
  errorType: scimErrorText(auditEvents.summary, 'scimType'),
  errorDetail: scimErrorText(auditEvents.summary, 'detail'),
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
  return sql`(${scimSummaryText(auditEvents.summary, 'resourceName')} ilike ${`%${escapeLike(person)}%`} or ${auditEvents.resourceId} = ${person.toLowerCase()})`;
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

/** Keys the detail view shows in rows of their own (the row DTO or the lists below). */
const shown = new Set<keyof KnownScimSummary>([
  'method',
  'path',
  'filter',
  'error',
  'ops',
  'attributes',
  'adaptations',
  'ignoredAttributes',
  'notes',
  'resourceName',
]);
/** Lists the detail view shows as one line under "other values". */
const listedAsText = new Set<keyof KnownScimSummary>(['requestedAttributes', 'excludedAttributes']);

/** A PATCH op as one line: "replace active", or "add (no path): name.givenName, title". */
function opLine(op: NonNullable<KnownScimSummary['ops']>[number]): string {
  if (op.path !== undefined) return `${op.op} ${op.path}`;
  return op.keys?.length ? `${op.op} (no path): ${op.keys.join(', ')}` : `${op.op} (no path)`;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A value for "other values": a scalar, or a list of scalars as one line (attributes asked for, a list of an older shape). */
function otherValue(key: string, value: unknown, known: boolean): string | undefined {
  if (shown.has(key as keyof KnownScimSummary)) return undefined;
  if (Array.isArray(value) && (listedAsText.has(key as keyof KnownScimSummary) || !known) && value.every(isScalar)) return value.map(String).join(', ');
  return isScalar(value) ? summaryValue(value) : undefined;
}

function toSyncEventDetail(row: SyncEventRowDto, resourceType: string | null, summary: Record<string, unknown>): SyncEventDetailDto {
  // Read through the schema (read-scim-summary.ts); a value of another shape stays in `rest`.
  const { known, rest } = readScimSummary(summary);
  const extra = Object.keys(summary).flatMap((name) => {
    const isKnown = Object.hasOwn(known, name);
    const text = otherValue(name, isKnown ? known[name as keyof KnownScimSummary] : rest[name], isKnown);
    return text === undefined ? [] : [{ name: summaryLabel(name), value: text }];
  });
  return {
    ...row,
    resourceType,
    ops: (known.ops ?? []).map(opLine),
    attributes: known.attributes ?? [],
    adaptations: known.adaptations ?? [],
    ignoredAttributes: known.ignoredAttributes ?? [],
    notes: known.notes ?? [],
    extra,
  };
}
