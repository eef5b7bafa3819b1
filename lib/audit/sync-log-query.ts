import { isUuid } from '@/lib/uuid';

import { z } from 'zod';

/**
 * The sync log's filters as they travel in the URL (a plain GET form), parsed leniently: a bad
 * or hand-edited value falls back to "any" instead of an error page. Pure, so both the pages
 * and the CSV route share one reading of the URL, and tests need no server.
 */

export const syncOutcomes = ['success', 'failure'] as const;
/** The last part of a `scim.<resource>.<operation>` audit action. */
export const syncOperations = ['create', 'read', 'list', 'replace', 'patch', 'delete'] as const;
export const syncResources = ['User', 'Group'] as const;
export const syncRanges = ['1h', '24h', '7d', '30d', 'custom'] as const;

/** What lib/scim/idp.ts writes to audit_events.idp, with the words the UI shows. */
export const idpLabels = {
  entra: 'Microsoft Entra ID',
  okta: 'Okta',
  onelogin: 'OneLogin',
  jumpcloud: 'JumpCloud',
  unknown: 'Other SCIM client',
} as const;
export type IdpKey = keyof typeof idpLabels;
const idpKeys = Object.keys(idpLabels) as [IdpKey, ...IdpKey[]];

export function idpLabel(idp: string | null | undefined): string {
  return idp && idp in idpLabels ? idpLabels[idp as IdpKey] : idp || 'Not detected';
}

export const rangeMs: Record<Exclude<(typeof syncRanges)[number], 'custom'>, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};
/** A custom range is clamped to this, so the chart's buckets and the scan stay bounded. */
export const MAX_RANGE_MS = 400 * 86_400_000;

// `<input type="date">` or `type="datetime-local"` values, read as UTC (the form says so).
const dateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/)
  .optional()
  .catch(undefined);

export const syncLogQuerySchema = z.object({
  outcome: z.enum(syncOutcomes).optional().catch(undefined),
  op: z.enum(syncOperations).optional().catch(undefined),
  resource: z.enum(syncResources).optional().catch(undefined),
  idp: z.enum(idpKeys).optional().catch(undefined),
  /** Part of a userName or group displayName, or a SCIM id (issue 13: filter by person). */
  person: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  range: z.enum(syncRanges).catch('7d').default('7d'),
  from: dateInput,
  to: dateInput,
  cursor: z.string().max(200).optional().catch(undefined),
  dir: z.enum(['older', 'newer']).catch('older').default('older'),
});
export type SyncLogQuery = z.infer<typeof syncLogQuerySchema>;
/** The filters without the page position: what the chart and the CSV export use. */
export type SyncLogFilters = Omit<SyncLogQuery, 'cursor' | 'dir'>;

export type TimeWindow = { from: Date; to: Date };

function parseUtc(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The [from, to) window a query asks for, always bounded (never "the whole log"). */
export function resolveWindow(query: SyncLogFilters, now: Date = new Date()): TimeWindow {
  if (query.range !== 'custom') return { from: new Date(now.getTime() - rangeMs[query.range]), to: now };
  let to = parseUtc(query.to) ?? now;
  // A bare end date means "through that day".
  if (query.to?.length === 10) to = new Date(to.getTime() + 86_400_000);
  let from = parseUtc(query.from) ?? new Date(to.getTime() - rangeMs['7d']);
  if (from > to) [from, to] = [to, from];
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) from = new Date(to.getTime() - MAX_RANGE_MS);
  return { from, to };
}

/** A position in the log: the primary key's (occurred_at, id), to the microsecond. */
export type EventKey = { at: string; id: string };

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** Opaque in URLs (keyset cursors and event links): base64url of "time~id". */
export function encodeEventKey(key: EventKey): string {
  // ASCII only, so btoa is exact; it runs in the browser too, unlike Buffer.
  return btoa(`${key.at}~${key.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeEventKey(value: string | undefined): EventKey | null {
  if (!value || value.length > 200) return null;
  let text: string;
  try {
    text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const [at, id, extra] = text.split('~');
  if (extra !== undefined || !at || !id || !AT.test(at) || !isUuid(id)) return null;
  return { at, id: id.toLowerCase() };
}

/** URL search params for the filters (and optionally a page position), skipping "any". */
export function syncLogParams(filters: SyncLogFilters, page?: { cursor: string; dir: 'older' | 'newer' }): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['outcome', 'op', 'resource', 'idp', 'person'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  params.set('range', filters.range);
  if (filters.range === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  }
  if (page) {
    params.set('cursor', page.cursor);
    params.set('dir', page.dir);
  }
  return params;
}

export function isFiltered(filters: SyncLogFilters): boolean {
  return Boolean(filters.outcome || filters.op || filters.resource || filters.idp || filters.person);
}
