import { invalidFilter } from '../errors';
import { formatPath, type AttrPath } from './ast';
import type { AttrSpec, MultiSpec, ResourceMap, ScalarSpec } from './attribute-maps';
import { sameUrn } from '../urns';

/** What an attribute path names in the allow-list. */
export type Resolved =
  | { kind: 'scalar'; spec: ScalarSpec }
  /** `sub` is the sub-attribute asked for (`emails.value`), undefined for `emails` itself. */
  | { kind: 'multi'; spec: MultiSpec; sub?: string };

/**
 * Looks a top-level path up in the allow-list. The core URN prefix is optional
 * (RFC 7644 §3.10); extension attributes are also found without their URN, since no core
 * attribute shares their names. Unknown → 400 invalidFilter (never a dropped clause).
 */
export function resolveAttribute(map: ResourceMap, path: AttrPath): Resolved {
  const tables = tablesFor(map, path);
  const attr = path.attr.toLowerCase();
  const sub = path.subAttr?.toLowerCase();
  for (const table of tables) {
    // Own keys only: `constructor` must not resolve to Object.prototype's.
    const exact = own(table, sub ? `${attr}.${sub}` : attr);
    if (exact) return wrap(exact);
    const parent = own(table, attr);
    if (sub && parent?.type === 'multi') return { kind: 'multi', spec: parent, sub };
  }
  throw invalidFilter(`Attribute "${formatPath(path)}" is not filterable on ${map.resource}`);
}

/** Looks a path inside `attr[...]` up among the multi-valued attribute's sub-attributes. */
export function resolveEntry(parent: string, entry: Record<string, ScalarSpec>, path: AttrPath): ScalarSpec {
  const spec = path.uri || path.subAttr ? undefined : own(entry, path.attr.toLowerCase());
  if (!spec) throw invalidFilter(`Sub-attribute "${formatPath(path)}" of "${parent}" is not filterable`);
  return spec;
}

function tablesFor(map: ResourceMap, path: AttrPath): Record<string, AttrSpec>[] {
  if (path.uri === undefined) return [map.core, ...Object.values(map.extensions)];
  if (sameUrn(path.uri, map.coreUrn)) return [map.core];
  const extension = own(map.extensions, path.uri.toLowerCase());
  if (!extension) throw invalidFilter(`Schema "${path.uri}" is not filterable on ${map.resource}`);
  return [extension];
}

function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function wrap(spec: AttrSpec): Resolved {
  return spec.type === 'multi' ? { kind: 'multi', spec } : { kind: 'scalar', spec };
}
