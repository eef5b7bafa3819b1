import type { Db } from '@/db/client';
import type { Operation, OperationResult, ScimContext } from '../context';
import { invalidValue, ScimError } from '../errors';
import { listResponse, type ListResponse } from '../resources/list-response';
import { groupOperations } from './groups';
import { listQueryFrom } from './list-query';
import { userOperations } from './users';

/**
 * POST /.search at the service root (RFC 7644 §3.4.3): the search runs against every resource
 * type — Users, then Groups, paged as one list (startIndex/count over both, totalResults the
 * sum). Each type runs its own search (same filter compiler, same SQL); a filter attribute only
 * one type has matches nothing in the other. `sortBy` is refused: the two lists are not merged
 * by sort key, so the order it asks for could not be kept across the boundary.
 */
const TYPES = [userOperations.search, groupOperations.search] as const;

/** The search of one type with another page window; `refused` when its filter names an attribute it lacks. */
async function searchOne(
  op: (typeof TYPES)[number],
  ctx: ScimContext<Db>,
  window: { startIndex: number; count: number },
): Promise<ListResponse<unknown> | { refused: ScimError }> {
  // The window replaces the client's own startIndex/count, whatever their case (Count, STARTINDEX).
  const sent = Object.entries((ctx.body ?? {}) as Record<string, unknown>).filter(([key]) => !/^(startindex|count)$/i.test(key));
  const body = { ...Object.fromEntries(sent), startIndex: window.startIndex, count: window.count };
  try {
    const result = await op.run({ ...ctx, body });
    return result.body as ListResponse<unknown>;
  } catch (error) {
    if (error instanceof ScimError && error.scimType === 'invalidFilter' && / is not filterable on (User|Group)$/.test(error.detail)) return { refused: error };
    throw error;
  }
}

async function run(ctx: ScimContext<Db>): Promise<OperationResult> {
  const query = listQueryFrom(ctx, true);
  if (query.sortBy) throw invalidValue('sortBy is not supported in a search at the root: search /Users/.search or /Groups/.search to sort');
  const counted = [];
  for (const op of TYPES) counted.push(await searchOne(op, ctx, { startIndex: 1, count: 0 }));
  const totals = counted.map((c) => ('refused' in c ? 0 : c.totalResults));
  // Refused by both: the filter names an attribute neither type has.
  const [first] = counted;
  if (first && 'refused' in first && counted.every((c) => 'refused' in c)) throw first.refused;
  const resources: unknown[] = [];
  let skip = query.startIndex - 1;
  for (const [i, op] of TYPES.entries()) {
    const total = totals[i] ?? 0;
    const want = query.count - resources.length;
    if (skip >= total) {
      skip -= total;
      continue;
    }
    const page = want > 0 ? await searchOne(op, ctx, { startIndex: skip + 1, count: want }) : undefined;
    if (page && !('refused' in page)) resources.push(...page.Resources);
    skip = 0;
  }
  const totalResults = totals.reduce((sum, t) => sum + t, 0);
  // The per-type searches noted their own windows: the sync log shows the one asked for.
  ctx.notes.summary.startIndex = query.startIndex;
  ctx.notes.summary.count = query.count;
  return { status: 200, body: listResponse(resources, totalResults, query.startIndex, resources.length) };
}

export const rootSearchOperation: Operation = { action: 'scim.root.search', resourceType: null, needsBody: true, commit: 'read', run };
