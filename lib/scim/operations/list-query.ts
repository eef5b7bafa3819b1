import type { AnyScimContext } from '../context';
import { parseListQuery, type ListQuery } from '../schemas/list-query';

/** GET takes the query string; POST /.search takes the same names in a JSON body (RFC 7644 §3.4.3). */
export function listQueryFrom(ctx: AnyScimContext, fromBody: boolean): ListQuery {
  const query = fromBody ? parseListQuery(ctx.body) : parseListQuery(ctx.url.searchParams);
  if (query.filter) ctx.notes.summary.filter = query.filter.slice(0, 300);
  ctx.notes.summary.startIndex = query.startIndex;
  ctx.notes.summary.count = query.count;
  if (query.attributes.length) ctx.notes.summary.requestedAttributes = query.attributes;
  if (query.excludedAttributes.length) ctx.notes.summary.excludedAttributes = query.excludedAttributes;
  return query;
}
