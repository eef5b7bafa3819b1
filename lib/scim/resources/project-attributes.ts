import { findKey, isJsonObject } from '@/lib/json-object';
import { CORE_GROUP_URN } from '../urns';
import type { ScimResourceJson } from './user-resource';

/** The two list/read parameters (RFC 7644 §3.4.2.5, §3.9); ListQuery has both. */
export type AttributeSelection = { attributes: readonly string[]; excludedAttributes: readonly string[] };

/** Returned "always" (RFC 7643 §3.1, §7): never dropped. `meta` is "default" and can be. */
const ALWAYS = new Set(['id', 'schemas']);

/** Per holder ('' for core, else the lower-cased extension URN): attribute → 'all' or sub-attributes. */
type Selection = Map<string, Map<string, 'all' | Set<string>>>;
type Json = Record<string, unknown>;

/**
 * Applies `attributes` or `excludedAttributes` to a resource. Names are case-insensitive and may
 * be sub-attributes (`name.givenName`, `emails.value`) or URN-qualified
 * (`urn:…:enterprise:2.0:User:department`, or the extension URN alone for all of it). Names
 * the resource does not have are ignored, as RFC 7644 §3.4.2.5 does not make them errors.
 * With both lists, `attributes` wins. `schemas` is trimmed to the extensions still present.
 */
export function projectAttributes(resource: ScimResourceJson, selection: AttributeSelection): ScimResourceJson {
  const include = selection.attributes.length > 0;
  const names = include ? selection.attributes : selection.excludedAttributes;
  if (names.length === 0) return resource;
  const chosen = select(names, resource);
  const out: Json = {};
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    let projected: unknown;
    if (ALWAYS.has(lower)) projected = value;
    else if (lower.startsWith('urn:')) projected = projectValue(value, chosen.get(lower)?.get(''), chosen.get(lower), include);
    else projected = projectValue(value, chosen.get('')?.get(lower), undefined, include);
    if (projected !== undefined) out[key] = projected;
  }
  return withSchemasTrimmed(out);
}

/**
 * `rule` says what the names picked for this attribute (core: its entry; extension: the
 * whole-extension entry), `inner` what they picked inside an extension object.
 */
function projectValue(value: unknown, rule: 'all' | Set<string> | undefined, inner: Map<string, 'all' | Set<string>> | undefined, include: boolean): unknown {
  if (rule === 'all') return include ? value : undefined;
  if (rule instanceof Set) return nonEmpty(include ? pickSubs(value, rule) : dropSubs(value, rule));
  if (inner && isJsonObject(value)) {
    const kept: Json = {};
    for (const [key, sub] of Object.entries(value)) {
      const projected = projectValue(sub, inner.get(key.toLowerCase()), undefined, include);
      if (projected !== undefined) kept[key] = projected;
    }
    return nonEmpty(kept);
  }
  return include ? undefined : value;
}

/** Whether a response needs the group's members, so callers can skip the membership query. */
export function needsMembers(selection: AttributeSelection): boolean {
  const namesMembers = (name: string) => {
    const lower = name.toLowerCase();
    const bare = lower.startsWith(`${CORE_GROUP_URN.toLowerCase()}:`) ? lower.slice(CORE_GROUP_URN.length + 1) : lower;
    return { whole: bare === 'members', any: bare === 'members' || bare.startsWith('members.') };
  };
  if (selection.attributes.length > 0) return selection.attributes.some((name) => namesMembers(name).any);
  return !selection.excludedAttributes.some((name) => namesMembers(name).whole);
}

/**
 * Names → selection. Roster's resources list their core schema first; an unqualified name that
 * is not a core attribute but is one of an extension's (`department`) selects that one, as
 * filters accept it too.
 */
function select(names: readonly string[], resource: ScimResourceJson): Selection {
  const schemas = (Array.isArray(resource.schemas) ? resource.schemas : []).filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase());
  const core = schemas[0];
  // Longest first, so that no URN is taken for a prefix of a longer one.
  const urns = [...schemas].sort((a, b) => b.length - a.length);
  const selection: Selection = new Map();
  for (const name of names) {
    const lower = name.toLowerCase();
    const urn = urns.find((u) => lower === u || lower.startsWith(`${u}:`));
    if (urn !== undefined && lower === urn) {
      addTo(selection, urn === core ? '' : urn, '', undefined);
      continue;
    }
    const [attr = '', sub] = (urn === undefined ? lower : lower.slice(urn.length + 1)).split('.');
    const holder = urn === undefined ? holderOf(resource, attr) : urn === core ? '' : urn;
    addTo(selection, holder, attr, sub);
  }
  return selection;
}

function addTo(selection: Selection, holder: string, attr: string, sub: string | undefined): void {
  const attrs = selection.get(holder) ?? new Map<string, 'all' | Set<string>>();
  selection.set(holder, attrs);
  const current = attrs.get(attr);
  if (current === 'all') return;
  attrs.set(attr, sub === undefined ? 'all' : new Set([...(current ?? []), sub]));
}

/** '' when `attr` is a core attribute (or unknown), else the extension whose object has it. */
function holderOf(resource: ScimResourceJson, attr: string): string {
  const keys = Object.keys(resource);
  if (findKey(resource, attr) !== undefined) return '';
  for (const key of keys) {
    const value = resource[key];
    if (key.toLowerCase().startsWith('urn:') && isJsonObject(value) && findKey(value, attr) !== undefined) {
      return key.toLowerCase();
    }
  }
  return '';
}

function pickSubs(value: unknown, subs: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((entry) => nonEmpty(pickSubs(entry, subs))).filter((e) => e !== undefined);
  if (!isJsonObject(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter(([key]) => subs.has(key.toLowerCase())));
}

function dropSubs(value: unknown, subs: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((entry) => nonEmpty(dropSubs(entry, subs))).filter((e) => e !== undefined);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !subs.has(key.toLowerCase())));
}

function nonEmpty(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length ? value : undefined;
  if (isJsonObject(value)) return Object.keys(value).length ? value : undefined;
  return value;
}

/** RFC 7643 §3: `schemas` lists the schemas present; an extension projected away leaves it. */
function withSchemasTrimmed(resource: Json): Json {
  if (!Array.isArray(resource.schemas)) return resource;
  const keys = new Set(Object.keys(resource).map((k) => k.toLowerCase()));
  const schemas = resource.schemas.filter((s, index) => index === 0 || (typeof s === 'string' && keys.has(s.toLowerCase())));
  return { ...resource, schemas };
}
