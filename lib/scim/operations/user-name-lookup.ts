import { parseFilter } from '../filter/parser';
import type { ListQuery } from '../schemas/list-query';
import { CORE_USER_URN, sameUrn } from '../urns';

/**
 * The userName a first-page `userName eq "…"` query asks for, else undefined. It is the
 * request every IdP sends before each create (Entra, Okta, OneLogin, JumpCloud), so it gets a
 * statement of its own: prepared once, no page walk, no count (userName is unique per org).
 */
export function exactUserName(query: ListQuery): string | undefined {
  if (!query.filter || query.sortBy || query.startIndex !== 1 || query.count < 1) return undefined;
  const node = parseFilter(query.filter);
  if (node.kind !== 'compare' || node.op !== 'eq' || typeof node.value !== 'string') return undefined;
  const { path } = node;
  if (path.subAttr || path.valueFilter || path.attr.toLowerCase() !== 'username') return undefined;
  if (path.uri && !sameUrn(path.uri, CORE_USER_URN)) return undefined;
  return node.value;
}
