import { sql, type SQL } from 'drizzle-orm';
import { invalidFilter } from '../errors';
import { formatPath, type AttrPath, type FilterNode } from './ast';
import { GROUP_FILTER_MAP, USER_FILTER_MAP, type MultiSpec, type ResourceMap, type ScalarSpec } from './attribute-maps';
import { compileScalar, SQL_FALSE, SQL_TRUE, type Comparison } from './compile-scalar';
import { parseFilter } from './parser';
import { resolveAttribute, resolveEntry } from './resolve';

/**
 * Filter → parameterised drizzle SQL (STYLE pattern 6). Values only ever travel as bind
 * parameters; column names come from the allow-list in attribute-maps.ts. The fragment refers
 * to the un-aliased `members` / `groups` tables, so use it in a query over that table, beside
 * the caller's own `org_id` condition (STYLE pattern 2: the filter never scopes the tenant).
 */
export function compileUserFilter(filter: string): SQL {
  return compileFilter(parseFilter(filter), USER_FILTER_MAP);
}

export function compileGroupFilter(filter: string): SQL {
  return compileFilter(parseFilter(filter), GROUP_FILTER_MAP);
}

/** Looks a path up: a top-level attribute, or a sub-attribute inside `attr[...]`. */
type Resolver = (path: AttrPath) => ReturnType<typeof resolveAttribute>;

export function compileFilter(node: FilterNode, map: ResourceMap): SQL {
  return compileNode(node, (path) => resolveAttribute(map, path));
}

function compileNode(node: FilterNode, resolve: Resolver): SQL {
  switch (node.kind) {
    case 'and':
      return and(compileNode(node.left, resolve), compileNode(node.right, resolve));
    case 'or':
      return or(compileNode(node.left, resolve), compileNode(node.right, resolve));
    case 'not':
      return not(compileNode(node.expr, resolve));
    case 'valuePath':
      return compileValuePath(node.path, node.filter, resolve);
    case 'present':
      return compileAttribute(node.path, { name: formatPath(node.path), op: undefined, value: null, raw: '' }, resolve);
    case 'compare':
      return compileAttribute(node.path, { name: formatPath(node.path), op: node.op, value: node.value, raw: node.raw }, resolve);
  }
}

function compileAttribute(path: AttrPath, c: Comparison, resolve: Resolver): SQL {
  if (path.valueFilter) {
    // Entra: `emails[type eq "work"].value eq "a@b.c"` = some email is work and has that value.
    const multi = requireMulti(path, resolve);
    const inner = compileInner(path.attr, multi, path.valueFilter);
    const subName = path.subAttr ?? 'value';
    const sub = resolveEntry(path.attr, multi.entry, { attr: subName });
    const equal = [...valueEqualities(path.valueFilter), ...(subName.toLowerCase() === 'value' ? equalityOf(c) : [])];
    return indexed(multi, equal, scoped(multi, and(inner, compileScalar(sub, c))));
  }
  const resolved = resolve(path);
  if (resolved.kind === 'scalar') return compileScalar(resolved.spec, c);
  // `emails co "x"` compares the value sub-attribute, and matches when ANY email does
  // (RFC 7644 §3.4.2.2, multi-valued attributes).
  const subName = resolved.sub ?? 'value';
  const sub = resolveEntry(path.attr, resolved.spec.entry, { attr: subName });
  return indexed(resolved.spec, subName === 'value' ? equalityOf(c) : [], scoped(resolved.spec, compileScalar(sub, c)));
}

function compileValuePath(path: AttrPath, filter: FilterNode, resolve: Resolver): SQL {
  const multi = requireMulti(path, resolve);
  return indexed(multi, valueEqualities(filter), scoped(multi, compileInner(path.attr, multi, filter)));
}

/** The string a `value eq "…"` comparison asks for, if that is what it is. */
function equalityOf(c: Comparison): string[] {
  if (c.op !== 'eq' || c.value === null || typeof c.value === 'boolean') return [];
  return [typeof c.value === 'string' ? c.value : c.raw];
}

/** `value eq "…"` conditions every match must meet: the top-level AND chain of a [filter]. */
function valueEqualities(filter: FilterNode): string[] {
  if (filter.kind === 'and') return [...valueEqualities(filter.left), ...valueEqualities(filter.right)];
  const isValue = filter.kind === 'compare' && !filter.path.uri && !filter.path.subAttr && filter.path.attr.toLowerCase() === 'value';
  return isValue ? equalityOf({ name: 'value', op: filter.op, value: filter.value, raw: filter.raw }) : [];
}

/** Adds the index's containment test beside an EXISTS that already requires those values. */
function indexed(multi: MultiSpec, values: string[], condition: SQL): SQL {
  if (!multi.valueEquals || condition === SQL_FALSE) return condition;
  return values.reduce((acc, value) => and(multi.valueEquals?.(value) ?? SQL_TRUE, acc), condition);
}

/** "Some value matches": constant conditions need no EXISTS (and a non-UUID member id no query). */
function scoped(multi: MultiSpec, inner: SQL): SQL {
  if (inner === SQL_FALSE) return SQL_FALSE;
  return multi.scope(inner === SQL_TRUE ? undefined : inner);
}

/** The filter inside `[...]` sees only the multi-valued attribute's sub-attributes. */
function compileInner(parent: string, multi: MultiSpec, filter: FilterNode): SQL {
  const entry: Record<string, ScalarSpec> = multi.entry;
  return compileNode(filter, (path) => ({ kind: 'scalar', spec: resolveEntry(parent, entry, path) }));
}

function requireMulti(path: AttrPath, resolve: Resolver): MultiSpec {
  const resolved = resolve({ ...(path.uri ? { uri: path.uri } : {}), attr: path.attr });
  if (resolved.kind !== 'multi') throw invalidFilter(`"${path.attr}" is not multi-valued: no [filter] allowed`);
  return resolved.spec;
}

function and(left: SQL, right: SQL): SQL {
  if (left === SQL_TRUE) return right;
  if (right === SQL_TRUE) return left;
  if (left === SQL_FALSE || right === SQL_FALSE) return SQL_FALSE;
  return sql`(${left} and ${right})`;
}

function or(left: SQL, right: SQL): SQL {
  if (left === SQL_TRUE || right === SQL_TRUE) return SQL_TRUE;
  if (left === SQL_FALSE) return right;
  if (right === SQL_FALSE) return left;
  return sql`(${left} or ${right})`;
}

/** SCIM `not` is two-valued: `not (title eq "x")` includes rows whose title is NULL. */
function not(inner: SQL): SQL {
  if (inner === SQL_TRUE) return SQL_FALSE;
  if (inner === SQL_FALSE) return SQL_TRUE;
  return sql`(${inner}) is not true`;
}
