import { ScimError, invalidPath } from '../errors';
import { formatPath, type AttrPath, type FilterNode } from '../filter/ast';
import { CORE_USER_URN, ENTERPRISE_USER_URN, sameUrn } from '../urns';
import type { Attribute } from '../attributes/attribute';
import { USER_TABLE } from '../attributes/user';
import type { Adaptations } from './operations';

/**
 * The User attributes PATCH may touch, from the attribute table (attributes/user.ts), with their
 * canonical case (RFC 7643 §4.1, §4.3). Names are matched case-insensitively and written back in
 * this case. Attributes Roster does not store are known here too: a PATCH may set them, and the
 * parser then drops them by name.
 */
export type AttrKind = 'string' | 'boolean' | 'complex' | 'multi' | 'readOnly';
export type AttrDef = { name: string; kind: AttrKind; subs?: readonly string[] };

function kindOf(attribute: Attribute): AttrKind {
  // RFC 7643 §3.1 / §4.1.2: id and meta are set by the service provider, groups is readOnly.
  if (attribute.mutability === 'readOnly') return 'readOnly';
  if (attribute.multiValued) return 'multi';
  if (attribute.type === 'complex') return 'complex';
  return attribute.type === 'boolean' ? 'boolean' : 'string';
}

const defsOf = (attributes: readonly Attribute[]): AttrDef[] =>
  attributes.map((attribute) => ({
    name: attribute.name,
    kind: kindOf(attribute),
    ...(attribute.subAttributes ? { subs: attribute.subAttributes.map((sub) => sub.name) } : {}),
  }));

const CORE = defsOf([...USER_TABLE.common, ...USER_TABLE.core.attributes]);
const ENTERPRISE = defsOf(USER_TABLE.extensions.find((extension) => extension.urn === ENTERPRISE_USER_URN)?.attributes ?? []);

/** Where a path points: which object holds the attribute, and what part of it. */
export type Target = {
  holder: 'core' | 'enterprise';
  def: AttrDef;
  /** Canonical sub-attribute name (`givenName`, `value`), if the path names one. */
  sub?: string;
  filter?: FilterNode;
};

const find = (defs: AttrDef[], name: string) => defs.find((d) => d.name.toLowerCase() === name.toLowerCase());

/** Canonical case of a sub-attribute; unknown sub-attributes of multi-valued attributes pass as sent. */
export function canonicalSub(def: AttrDef, name: string): string | undefined {
  const known = def.subs?.find((s) => s.toLowerCase() === name.toLowerCase());
  return known ?? (def.kind === 'multi' ? name : undefined);
}

/**
 * Resolves a parsed path. Attributes of unknown User extension schemas are ignored (returns
 * undefined) because IdPs send their own (STYLE pattern 3; Entra's custom extension attributes
 * are `urn:ietf:params:scim:schemas:extension:<Name>:2.0:User:<attr>`). A URN that cannot name
 * a User extension (`urn:bogus:schema:attr`: its schema does not end in `:User`, RFC 7643 §3)
 * and an unknown core attribute are 400 invalidPath.
 */
export function resolveUserTarget(path: AttrPath, adaptations: Adaptations): Target | undefined {
  const inEnterprise = sameUrn(path.uri, ENTERPRISE_USER_URN);
  if (path.uri !== undefined && !inEnterprise && !sameUrn(path.uri, CORE_USER_URN)) {
    if (!/:User$/i.test(path.uri))
      throw invalidPath(`"${formatPath(path)}" names no User schema Roster knows (schemas: ${CORE_USER_URN}, ${ENTERPRISE_USER_URN})`);
    adaptations.add('unknown extension attribute ignored');
    return undefined;
  }
  let holder: Target['holder'] = inEnterprise ? 'enterprise' : 'core';
  let def = find(inEnterprise ? ENTERPRISE : CORE, path.attr);
  if (!def && path.uri === undefined && (def = find(ENTERPRISE, path.attr))) {
    adaptations.add('extension attribute without URN');
    holder = 'enterprise';
  }
  if (!def) throw invalidPath(`Unknown User attribute "${formatPath(path)}"`);
  if (def.kind === 'readOnly') throw new ScimError(400, 'mutability', `"${def.name}" cannot be modified`);
  if (path.valueFilter && def.kind !== 'multi') throw invalidPath(`"${def.name}" is not multi-valued: no [filter] allowed`);
  const sub = path.subAttr === undefined ? undefined : canonicalSub(def, path.subAttr);
  if (path.subAttr !== undefined && sub === undefined) {
    throw invalidPath(`"${def.name}" has no sub-attribute "${path.subAttr}"`);
  }
  return { holder, def, ...(sub ? { sub } : {}), ...(path.valueFilter ? { filter: path.valueFilter } : {}) };
}
