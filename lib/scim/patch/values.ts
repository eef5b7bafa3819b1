import { invalidValue } from '../errors';
import { isJsonObject, type JsonObject } from '@/lib/json-object';
import { isBlank } from '../schemas/json-keys';
import type { Adaptations } from './operations';
import { canonicalSub, type AttrDef } from './user-schema';

/** `"True"` / `"false"` → boolean (Entra sends booleans as strings); anything else undefined. */
export function coerceBoolean(value: unknown, adaptations: Adaptations): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') return undefined;
  adaptations.add('string boolean coerced');
  return lower === 'true';
}

/** A singular string or boolean value; undefined means "clear the attribute". */
export function scalarValue(def: AttrDef, value: unknown, adaptations: Adaptations): string | boolean | undefined {
  if (isBlank(value)) {
    if (value === '') adaptations.add('empty string clears attribute');
    return undefined;
  }
  if (def.kind === 'boolean') {
    const bool = coerceBoolean(value, adaptations);
    if (bool === undefined) throw invalidValue(`"${def.name}" must be a boolean, got ${JSON.stringify(value)}`);
    return bool;
  }
  return stringValue(def.name, value, adaptations);
}

function stringValue(name: string, value: unknown, adaptations: Adaptations): string {
  if (typeof value === 'string') return value;
  // userName is the person's unique key: PUT refuses a number there, so PATCH does too, rather
  // than store "5" (issue 14). Other string attributes keep the number's text.
  if (typeof value === 'number' && name !== 'userName') {
    adaptations.add('number coerced to string');
    return String(value);
  }
  throw invalidValue(`"${name}" must be a string, got ${JSON.stringify(value)}`);
}

/** A sub-attribute value: `primary` is a boolean (RFC 7643 §2.4), known subs are strings. */
export function subValue(def: AttrDef, sub: string, value: unknown, adaptations: Adaptations): unknown {
  if (isBlank(value)) return undefined;
  if (sub === 'primary') {
    const bool = coerceBoolean(value, adaptations);
    if (bool === undefined) throw invalidValue(`"${def.name}.primary" must be a boolean`);
    return bool;
  }
  const known = def.subs?.includes(sub) ?? false;
  return known ? stringValue(`${def.name}.${sub}`, value, adaptations) : value;
}

/** Sub-attributes of a complex or multi-valued entry, in canonical case, empties dropped. */
export function normalizeSubs(def: AttrDef, raw: JsonObject, adaptations: Adaptations): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    const sub = canonicalSub(def, key);
    if (sub === undefined) throw invalidValue(`"${def.name}" has no sub-attribute "${key}"`);
    const normalized = subValue(def, sub, value, adaptations);
    if (normalized !== undefined) out[sub] = normalized;
  }
  return out;
}

/**
 * Merges a complex value into `existing` (RFC 7644 §3.5.2.3: sub-attributes not given are left
 * unchanged; null or "" removes one). Entra sends the manager as a bare id string.
 */
export function mergeComplex(def: AttrDef, existing: JsonObject, value: unknown, adaptations: Adaptations): JsonObject {
  let raw = value;
  if (typeof value === 'string' && def.name === 'manager') {
    adaptations.add('bare manager id wrapped');
    raw = { value };
  }
  if (!isJsonObject(raw)) throw invalidValue(`"${def.name}" must be an object, got ${JSON.stringify(value)}`);
  const merged: JsonObject = { ...existing };
  for (const [key, item] of Object.entries(raw)) {
    const sub = canonicalSub(def, key);
    if (sub === undefined) throw invalidValue(`"${def.name}" has no sub-attribute "${key}"`);
    const normalized = subValue(def, sub, item, adaptations);
    if (normalized === undefined) delete merged[sub];
    else merged[sub] = normalized;
  }
  return merged;
}

/** One entry of a multi-valued attribute; a bare string is taken as its `value`. */
export function entryValue(def: AttrDef, value: unknown, adaptations: Adaptations): JsonObject {
  if (typeof value === 'string' || typeof value === 'number') {
    adaptations.add('bare value wrapped as multi-valued entry');
    return { value: String(value) };
  }
  if (!isJsonObject(value)) throw invalidValue(`"${def.name}" entries must be objects, got ${JSON.stringify(value)}`);
  return normalizeSubs(def, value, adaptations);
}

export function entriesValue(def: AttrDef, value: unknown, adaptations: Adaptations): JsonObject[] {
  if (isBlank(value)) return [];
  if (Array.isArray(value)) return value.map((item) => entryValue(def, item, adaptations));
  adaptations.add('single value wrapped in array');
  return [entryValue(def, value, adaptations)];
}
