import { isJsonObject, type JsonObject } from '@/lib/json-object';
import { invalidSyntax } from '../errors';

/**
 * Keys that reach Object.prototype when a parsed body is merged into a plain object
 * (`JSON.parse` makes `"__proto__"` an own key). No SCIM attribute has these names, so a body
 * carrying one anywhere is refused outright rather than silently filtered.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** 400 invalidSyntax when a forbidden key appears at any depth. Iterative: no recursion limit. */
export function assertSafeKeys(body: unknown): void {
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key.toLowerCase())) throw invalidSyntax(`The attribute name "${key}" is not allowed`);
      stack.push((value as JsonObject)[key]);
    }
  }
}

export type Picked = {
  /** Known attributes under their canonical names; only names from `known` are ever assigned. */
  values: JsonObject;
  /** Keys not in `known`, as sent. */
  unknown: string[];
  /** True when some known key was sent in another case ("UserName"). */
  recased: boolean;
};

/**
 * Picks `known` attributes from `object`, matching names case-insensitively (RFC 7643 §2.1:
 * attribute names are case-insensitive). The same name twice in different cases is ambiguous:
 * 400 invalidSyntax naming it.
 */
export function pickAttributes(object: JsonObject, known: readonly string[], where = ''): Picked {
  const canonical = new Map(known.map((name) => [name.toLowerCase(), name]));
  const values: JsonObject = {};
  const sentAs = new Map<string, string>();
  const unknown: string[] = [];
  let recased = false;
  for (const key of Object.keys(object)) {
    const name = canonical.get(key.toLowerCase());
    if (name === undefined) {
      unknown.push(key);
      continue;
    }
    const previous = sentAs.get(name);
    if (previous !== undefined) throw invalidSyntax(`"${where}${name}" is given twice (as "${previous}" and "${key}")`);
    sentAs.set(name, key);
    if (key !== name) recased = true;
    values[name] = object[key];
  }
  return { values, unknown, recased };
}

/** Null, undefined and "" all mean "no value" (RFC 7643 §2.5; Entra and JumpCloud send ""). */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** Worth naming in ignoredAttributes: a value that carries data (not null, "", [] or {}). */
export function carriesData(value: unknown): boolean {
  if (isBlank(value)) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.keys(value).length > 0;
  return true;
}
