import { sql, type SQL } from 'drizzle-orm';
import { invalidValue, ScimError } from '../errors';
import { GROUP_FILTER_MAP, USER_FILTER_MAP, type ResourceMap, type ScalarSpec } from './attribute-maps';
import { parseAttrName } from './parser';
import { resolveAttribute } from './resolve';

/**
 * sortBy (RFC 7644 §3.4.2.3) over the same allow-list as filters. The RFC names no error for
 * an attribute that cannot be sorted; Roster answers 400 invalidValue rather than silently
 * returning another order. Apply `asc`/`desc` to the result: PostgreSQL puts NULLs last when
 * ascending and first when descending, which is what the RFC asks for missing values.
 */
export function userSortColumn(sortBy: string): SQL {
  return sortColumn(USER_FILTER_MAP, sortBy);
}

export function groupSortColumn(sortBy: string): SQL {
  return sortColumn(GROUP_FILTER_MAP, sortBy);
}

function sortColumn(map: ResourceMap, sortBy: string): SQL {
  const bad = () => invalidValue(`sortBy "${sortBy}" is not a sortable attribute of ${map.resource}`);
  let resolved;
  try {
    resolved = resolveAttribute(map, parseAttrName(sortBy.trim(), 0, invalidValue));
  } catch (error) {
    if (error instanceof ScimError) throw bad();
    throw error;
  }
  if (resolved.kind === 'scalar') return scalarKey(resolved.spec) ?? throwIt(bad());
  const isValue = resolved.sub === undefined || resolved.sub === 'value';
  if (!isValue || !resolved.spec.sortKey) throw bad();
  return resolved.spec.sortKey;
}

function scalarKey(spec: ScalarSpec): SQL | undefined {
  switch (spec.type) {
    case 'string':
      // Case-insensitive attributes sort case-insensitively, on the same lower() expression.
      return spec.caseExact ? sql`${spec.column}` : sql`lower(${spec.column})`;
    case 'dateTime':
    case 'uuid':
      return sql`${spec.column}`;
    case 'boolean':
      return spec.truth;
  }
}

function throwIt(error: ScimError): never {
  throw error;
}
