import { getKey, isJsonObject } from '@/lib/json-object';
import type { AttrPath, CompareNode, FilterNode } from './ast';

/**
 * Evaluates a filter against one in-memory object: PATCH uses it to pick the values of a
 * multi-valued attribute that `emails[type eq "work"]` targets (RFC 7644 §3.5.2). Names are
 * case-insensitive and strings compare with caseExact=false (RFC 7643 §2.4 sub-attributes
 * type, value and display are not case-exact). Never throws: a mismatch of types is false.
 */
export function evaluateFilter(filter: FilterNode, item: unknown): boolean {
  switch (filter.kind) {
    case 'and':
      return evaluateFilter(filter.left, item) && evaluateFilter(filter.right, item);
    case 'or':
      return evaluateFilter(filter.left, item) || evaluateFilter(filter.right, item);
    case 'not':
      return !evaluateFilter(filter.expr, item);
    case 'present':
      return valuesAt(item, filter.path).some(isPresent);
    case 'valuePath':
      return elementsAt(item, filter.path).elements.some((element) => evaluateFilter(filter.filter, element));
    case 'compare':
      return valuesAt(item, filter.path).some((value) => compare(value, filter));
  }
}

/** Case-insensitive own-key lookup; undefined for anything but an object. */
function getIgnoringCase(object: unknown, name: string): unknown {
  return isJsonObject(object) ? getKey(object, name) : undefined;
}

/** The elements a path names: each value of a multi-valued attribute, filtered by `[...]`. */
function elementsAt(item: unknown, path: AttrPath): { elements: unknown[]; multi: boolean } {
  const base = path.uri ? (getIgnoringCase(item, path.uri) ?? item) : item;
  const value = getIgnoringCase(base, path.attr);
  const elements = Array.isArray(value) ? value : [value];
  const valueFilter = path.valueFilter;
  if (!valueFilter) return { elements, multi: Array.isArray(value) };
  return { elements: elements.filter((element) => evaluateFilter(valueFilter, element)), multi: true };
}

/** The values a comparison sees; `emails co "x"` compares each email's `value` (RFC 7644 §3.4.2.2). */
function valuesAt(item: unknown, path: AttrPath): unknown[] {
  const { elements, multi } = elementsAt(item, path);
  const sub = path.subAttr ?? (multi ? 'value' : undefined);
  if (!sub) return elements;
  return elements.map((element) => (isJsonObject(element) ? getIgnoringCase(element, sub) : element));
}

function compare(actual: unknown, node: CompareNode): boolean {
  if (node.op === 'ne') return !compare(actual, { ...node, op: 'eq' });
  const expected = node.value;
  if (expected === null) return node.op === 'eq' && (actual === null || actual === undefined);
  if (typeof expected === 'boolean') return node.op === 'eq' && toBoolean(actual) === expected;
  if (typeof expected === 'number' && typeof actual === 'number') return order(actual, expected, node.op);
  if (typeof actual !== 'string' && typeof actual !== 'number') return false;
  const a = String(actual).toLowerCase();
  const e = (typeof expected === 'string' ? expected : node.raw).toLowerCase();
  if (node.op === 'co') return a.includes(e);
  if (node.op === 'sw') return a.startsWith(e);
  if (node.op === 'ew') return a.endsWith(e);
  return order(a, e, node.op);
}

function order<T extends string | number>(a: T, e: T, op: CompareNode['op']): boolean {
  if (op === 'eq') return a === e;
  if (op === 'gt') return a > e;
  if (op === 'ge') return a >= e;
  if (op === 'lt') return a < e;
  if (op === 'le') return a <= e;
  return false;
}

/** Entra writes booleans as "True"/"False". */
function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.keys(value).length > 0;
  return true;
}
