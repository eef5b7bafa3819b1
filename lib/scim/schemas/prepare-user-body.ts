import type { Attribute } from '../attributes/attribute';
import { USER_TABLE } from '../attributes/user';
import { invalidSyntax } from '../errors';
import { CORE_USER_URN, ENTERPRISE_USER_URN } from '../urns';
import { findKey, isJsonObject, type JsonObject } from '@/lib/json-object';
import { carriesData, pickAttributes } from './json-keys';
import { prepareMultiValued } from './multi-value';
import type { ParseNotes } from './notes';

const ENTERPRISE = USER_TABLE.extensions.find((extension) => extension.urn === ENTERPRISE_USER_URN)?.attributes ?? [];
const attribute = (attributes: readonly Attribute[], name: string) => attributes.find((a) => a.name === name);
const names = (attributes: readonly Attribute[] | undefined, stored: boolean) => (attributes ?? []).filter((a) => a.stored === stored).map((a) => a.name);

/** User attributes Roster stores (RFC 7643 §4.1), in their canonical case: externalId and the core ones. */
const STORED = [...names(USER_TABLE.common, true).filter((name) => name === 'externalId'), ...names(USER_TABLE.core.attributes, true)];
/** Set by the service provider (RFC 7643 §3.1): ignored without a note, as the RFC says. */
const READ_ONLY = USER_TABLE.common.filter((a) => a.mutability === 'readOnly').map((a) => a.name);
/** Named only to report them in their canonical case (attributes/user.ts says why each is dropped). */
const NOT_STORED = names(USER_TABLE.core.attributes, false);
const TOP_LEVEL = [...STORED, ...READ_ONLY, ...NOT_STORED, ENTERPRISE_USER_URN];

const NAME_KEYS = names(attribute(USER_TABLE.core.attributes, 'name')?.subAttributes, true);
const ENTERPRISE_KEYS = ENTERPRISE.map((a) => a.name);
const MANAGER_KEYS = (attribute(ENTERPRISE, 'manager')?.subAttributes ?? []).map((a) => a.name);

/**
 * Pre-validation pass: canonical attribute names, URN-qualified keys unfolded, multi-valued
 * attributes tidied, and everything Roster does not store recorded by name and left out. The
 * result holds only known names, so nothing from the body is assigned under an arbitrary key.
 */
export function prepareUserBody(body: JsonObject, notes: ParseNotes): JsonObject {
  const flat = unfoldQualifiedKeys(body, notes);
  const picked = pickAttributes(flat, TOP_LEVEL);
  if (picked.recased) notes.adapt('attribute name case normalized');
  const values = picked.values;
  for (const key of picked.unknown) noteUnknown(key, flat[key], notes);
  for (const key of NOT_STORED) if (key === 'password' ? key in values : carriesData(values[key])) notes.ignore(key);
  const out: JsonObject = {};
  for (const key of STORED) if (values[key] !== undefined) out[key] = values[key];
  out.name = prepareName(values.name, notes);
  out.emails = prepareMultiValued('emails', values.emails, notes);
  out.phoneNumbers = prepareMultiValued('phoneNumbers', values.phoneNumbers, notes);
  out[ENTERPRISE_USER_URN] = prepareEnterprise(values[ENTERPRISE_USER_URN], notes);
  return out;
}

function noteUnknown(key: string, value: unknown, notes: ParseNotes): void {
  if (key.toLowerCase().startsWith('urn:')) notes.adapt('unknown extension ignored');
  if (carriesData(value)) notes.ignore(key);
}

/**
 * `"urn:…:core:2.0:User:userName"` → `userName`; `"urn:…:enterprise:2.0:User:department"` → the
 * enterprise object's `department` (RFC 7644 §3.10 attribute notation, sent flat by some
 * clients). The same attribute both ways is ambiguous: 400 invalidSyntax.
 */
function unfoldQualifiedKeys(body: JsonObject, notes: ParseNotes): JsonObject {
  const out: JsonObject = {};
  const enterprise: JsonObject = {};
  const unfolded = new Set<string>();
  for (const [key, value] of Object.entries(body)) {
    const lower = key.toLowerCase();
    const [target, name] = lower.startsWith(`${CORE_USER_URN.toLowerCase()}:`)
      ? [out, key.slice(CORE_USER_URN.length + 1)]
      : lower.startsWith(`${ENTERPRISE_USER_URN.toLowerCase()}:`)
        ? [enterprise, key.slice(ENTERPRISE_USER_URN.length + 1)]
        : [out, key];
    const lowerName = `${target === enterprise ? 'enterprise:' : ''}${name.toLowerCase()}`;
    // Plain keys that differ only in case are left for pickAttributes, which names both.
    const clash = findKey(target, name) !== undefined;
    if (clash && (name !== key || unfolded.has(lowerName))) throw invalidSyntax(`"${key}" is given twice`);
    if (name !== key) {
      notes.adapt('URN-qualified attribute key');
      unfolded.add(lowerName);
    }
    target[name] = value;
  }
  if (Object.keys(enterprise).length === 0) return out;
  const nestedKey = findKey(out, ENTERPRISE_USER_URN);
  const nested = nestedKey === undefined ? {} : out[nestedKey];
  if (!isJsonObject(nested)) throw invalidSyntax(`"${ENTERPRISE_USER_URN}" must be an object`);
  for (const key of Object.keys(enterprise)) {
    if (findKey(nested, key) !== undefined) throw invalidSyntax(`"${ENTERPRISE_USER_URN}:${key}" is given twice`);
  }
  if (nestedKey !== undefined) delete out[nestedKey];
  out[ENTERPRISE_USER_URN] = { ...nested, ...enterprise };
  return out;
}

/** honorificPrefix / honorificSuffix and unknown name parts are not stored: named, then dropped. */
function prepareName(raw: unknown, notes: ParseNotes): unknown {
  if (!isJsonObject(raw)) return raw;
  const picked = pickAttributes(raw, NAME_KEYS, 'name.');
  if (picked.recased) notes.adapt('attribute name case normalized');
  for (const key of picked.unknown) if (carriesData(raw[key])) notes.ignore(`name.${key}`);
  return picked.values;
}

/** The enterprise extension (RFC 7643 §4.3); Entra may send the manager as a bare id string. */
function prepareEnterprise(raw: unknown, notes: ParseNotes): unknown {
  if (!isJsonObject(raw)) return raw;
  const picked = pickAttributes(raw, ENTERPRISE_KEYS, `${ENTERPRISE_USER_URN}:`);
  if (picked.recased) notes.adapt('attribute name case normalized');
  for (const key of picked.unknown) if (carriesData(raw[key])) notes.ignore(`${ENTERPRISE_USER_URN}:${key}`);
  const manager = picked.values.manager;
  if (typeof manager === 'string') {
    notes.adapt('bare manager id wrapped');
    picked.values.manager = { value: manager };
  } else if (isJsonObject(manager)) {
    // $ref and displayName are derived from value (RFC 7643 §4.3): dropped without a note.
    const sub = pickAttributes(manager, MANAGER_KEYS, 'manager.');
    for (const key of sub.unknown) if (carriesData(manager[key])) notes.ignore(`${ENTERPRISE_USER_URN}:manager.${key}`);
    picked.values.manager = { value: sub.values.value };
  }
  return picked.values;
}
