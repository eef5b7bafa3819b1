import { noTarget } from '../errors';
import type { FilterNode } from '../filter/ast';
import { evaluateFilter } from '../filter/evaluate';
import { getKey, isJsonObject, type JsonObject } from '@/lib/json-object';
import { isBlank } from '../schemas/json-keys';
import { deleteKey, setKey } from './json';
import type { Adaptations } from './operations';
import type { PatchOperation } from './types';
import { canonicalSub, type AttrDef, type Target } from './user-schema';
import { entriesValue, entryValue, subValue } from './values';

/**
 * add / replace / remove on a multi-valued attribute (RFC 7644 §3.5.2.1-3), with or without a
 * value filter and sub-attribute. An emptied attribute is removed from the resource.
 */
export function applyMulti(holder: JsonObject, target: Target, op: PatchOperation, adaptations: Adaptations): void {
  const current = currentEntries(holder, target.def);
  const next = target.filter
    ? withFilter(current, target, target.filter, op, adaptations)
    : target.sub
      ? withSub(current, target.def, target.sub, op, adaptations)
      : whole(current, target.def, op, adaptations);
  if (next.length === 0) deleteKey(holder, target.def.name);
  else setKey(holder, target.def.name, next);
}

function currentEntries(holder: JsonObject, def: AttrDef): JsonObject[] {
  const value = getKey(holder, def.name);
  return Array.isArray(value) ? value.filter(isJsonObject).map((entry) => ({ ...entry })) : [];
}

/** `emails` itself: add appends (deduplicated by value), replace swaps the list, remove clears it. */
function whole(current: JsonObject[], def: AttrDef, op: PatchOperation, adaptations: Adaptations): JsonObject[] {
  if (op.op === 'remove') {
    if (isBlank(op.value)) return [];
    // Entra's `{"op":"Remove","path":"members","value":[{"value":"id"}]}` removes only those values.
    adaptations.add('remove with value list');
    const gone = entriesValue(def, op.value, adaptations);
    return current.filter((entry) => !gone.some((g) => sameValue(entry.value, g.value)));
  }
  const incoming = entriesValue(def, op.value, adaptations);
  const result = op.op === 'replace' ? [] : current;
  for (const entry of incoming) {
    const index = result.findIndex((existing) => sameValue(existing.value, entry.value));
    const merged = index >= 0 ? { ...result[index], ...entry } : entry;
    if (index >= 0) result[index] = merged;
    else result.push(merged);
    if (merged.primary === true) keepOnlyPrimary(result, merged);
  }
  return result;
}

/** `emails.value` without a filter: every value's sub-attribute. */
function withSub(current: JsonObject[], def: AttrDef, sub: string, op: PatchOperation, adaptations: Adaptations): JsonObject[] {
  const value = op.op === 'remove' ? undefined : subValue(def, sub, op.value, adaptations);
  if (value === undefined) return sub === 'value' ? [] : current.map((entry) => without(entry, sub));
  if (current.length === 0) return [{ [sub]: value }];
  return current.map((entry) => ({ ...entry, [sub]: value }));
}

function withFilter(current: JsonObject[], target: Target, filter: FilterNode, op: PatchOperation, adaptations: Adaptations): JsonObject[] {
  const { def, sub } = target;
  const matches = current.map((entry) => evaluateFilter(filter, entry));
  const clearing = op.op === 'remove' || isBlank(op.value);
  if (clearing) {
    // Removing a value that is not there is not an error: IdPs retry, and the end state holds.
    if (sub && sub !== 'value') return current.map((entry, i) => (matches[i] ? without(entry, sub) : entry));
    return current.filter((_, i) => !matches[i]);
  }
  const patch = sub ? { [sub]: subValue(def, sub, op.value, adaptations) } : singleEntry(def, op.value, adaptations);
  if (!matches.includes(true)) return [...current, created(current, def, filter, patch, adaptations)];
  const seed = op.op === 'replace' && !sub ? (attributesOf(def, filter) ?? {}) : undefined;
  const result = current.map((entry, i) => (matches[i] ? { ...(seed ?? entry), ...patch } : entry));
  const primary = result.find((entry, i) => matches[i] && entry.primary === true);
  if (primary && patch.primary === true) keepOnlyPrimary(result, primary);
  return result;
}

/**
 * No value matched: Entra sends `phoneNumbers[type eq "work"].value` on every sync, also when
 * there is no work phone yet, so the entry is created from the filter's `eq` terms (a filter
 * that does not say what to create is RFC 7644 §3.5.2.3's 400 noTarget).
 */
function created(current: JsonObject[], def: AttrDef, filter: FilterNode, patch: JsonObject, adaptations: Adaptations): JsonObject {
  const seed = attributesOf(def, filter);
  if (!seed) throw noTarget(`No value of "${def.name}" matches the filter`);
  adaptations.add('multi-valued entry created from value filter');
  const entry = { ...seed, ...patch };
  if (entry.primary === undefined && !current.some((e) => e.primary === true)) entry.primary = true;
  return entry;
}

function singleEntry(def: AttrDef, value: unknown, adaptations: Adaptations): JsonObject {
  if (Array.isArray(value) && value.length === 1) {
    adaptations.add('single-item array unwrapped');
    return entryValue(def, value[0], adaptations);
  }
  return entryValue(def, value, adaptations);
}

/** `type eq "work" and primary eq true` → { type: "work", primary: true }; anything else undefined. */
export function attributesOf(def: AttrDef, filter: FilterNode): JsonObject | undefined {
  if (filter.kind === 'and') {
    const left = attributesOf(def, filter.left);
    const right = attributesOf(def, filter.right);
    return left && right ? { ...left, ...right } : undefined;
  }
  if (filter.kind !== 'compare' || filter.op !== 'eq' || filter.value === null) return undefined;
  const { uri, subAttr, valueFilter, attr } = filter.path;
  const sub = canonicalSub(def, attr);
  if (uri || subAttr || valueFilter || !sub) return undefined;
  return { [sub]: filter.value };
}

/** RFC 7643 §2.4: "primary" is true for at most one value. */
function keepOnlyPrimary(entries: JsonObject[], keep: JsonObject): void {
  for (const entry of entries) if (entry !== keep && entry.primary === true) entry.primary = false;
}

function without(entry: JsonObject, sub: string): JsonObject {
  const copy = { ...entry };
  delete copy[sub];
  return copy;
}

/** Values compare like caseExact=false strings (emails, member ids). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a !== undefined && a === b;
}
