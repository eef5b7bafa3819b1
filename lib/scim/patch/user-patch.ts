import { invalidValue, noTarget } from '../errors';
import type { AttrPath } from '../filter/ast';
import { parsePath } from '../filter/parser';
import { CORE_USER_URN, ENTERPRISE_USER_URN, sameUrn } from '../urns';
import { findKey, getKey, isJsonObject, type JsonObject } from '@/lib/json-object';
import { isBlank } from '../schemas/json-keys';
import { deleteKey, setKey } from './json';
import { applyMulti } from './multi-valued';
import { Adaptations, normalizeOperations } from './operations';
import type { PatchOperation, ScimUserJson, UserPatchResult } from './types';
import { resolveUserTarget, type Target } from './user-schema';
import { mergeComplex, scalarValue, subValue } from './values';

/**
 * Applies SCIM PATCH operations (RFC 7644 §3.5.2) to a User in wire shape. Pure: the input is
 * not modified and nothing is read or written elsewhere. Throws ScimError on bad requests, so
 * a failing request changes nothing. Tolerates what Entra, Okta, OneLogin and JumpCloud send
 * and reports each tolerance in `adaptations`.
 */
export function applyUserPatch(resource: ScimUserJson, operations: readonly unknown[]): UserPatchResult {
  const adaptations = new Adaptations();
  const result: JsonObject = structuredClone(resource);
  for (const op of normalizeOperations(operations, adaptations)) applyOperation(result, op, adaptations);
  return { resource: result, adaptations: adaptations.list() };
}

function applyOperation(resource: JsonObject, op: PatchOperation, adaptations: Adaptations): void {
  if (op.path === undefined) {
    // RFC 7644 §3.5.2.2: remove without a path is 400 noTarget.
    if (op.op === 'remove') throw noTarget(`Operations[${op.index}]: "remove" needs a path`);
    return applyAttributes(resource, op, op.value, undefined, adaptations);
  }
  if (sameUrn(op.path, ENTERPRISE_USER_URN) || sameUrn(op.path, CORE_USER_URN)) {
    adaptations.add('schema URN as path');
    if (op.op === 'remove') throw noTarget(`Operations[${op.index}]: cannot remove a whole schema`);
    return applyAttributes(resource, op, op.value, op.path, adaptations);
  }
  const target = resolveUserTarget(parsePath(op.path), adaptations);
  if (target) applyTarget(resource, target, op, adaptations);
}

/** A no-path value is an object of attributes, each applied as if it were the path. */
function applyAttributes(resource: JsonObject, op: PatchOperation, value: unknown, uri: string | undefined, adaptations: Adaptations): void {
  if (!isJsonObject(value)) throw invalidValue(`Operations[${op.index}]: "${op.op}" without a path needs an object value`);
  for (const [key, item] of Object.entries(value)) applyKey(resource, op, key, item, uri, adaptations);
}

function applyKey(resource: JsonObject, op: PatchOperation, key: string, item: unknown, uri: string | undefined, adaptations: Adaptations): void {
  // The RFC's own form: { "urn:...:enterprise:2.0:User": { "department": "x" } }.
  if (uri === undefined && (sameUrn(key, ENTERPRISE_USER_URN) || sameUrn(key, CORE_USER_URN))) {
    return applyAttributes(resource, op, item, key, adaptations);
  }
  if (key.toLowerCase() === 'schemas') return adaptations.add('schemas in no-path value ignored');
  if (key.toLowerCase() === 'id' && uri === undefined && sameId(getKey(resource, 'id'), item)) {
    return adaptations.add('own id in no-path value ignored');
  }
  const path = parsePath(key);
  noteKeyShape(path, adaptations);
  const full: AttrPath = uri && !path.uri ? { ...path, uri } : path;
  const target = resolveUserTarget(full, adaptations);
  if (target) applyTarget(resource, target, { ...op, value: item, hasValue: true }, adaptations);
}

/** Entra's no-path values use dotted keys ("name.givenName") and URN-prefixed keys. */
function noteKeyShape(path: AttrPath, adaptations: Adaptations): void {
  if (path.valueFilter) adaptations.add('value-path key in no-path value');
  else if (path.subAttr) adaptations.add('dotted key in no-path value');
  if (sameUrn(path.uri, ENTERPRISE_USER_URN)) adaptations.add('extension URN key in no-path value');
}

function applyTarget(resource: JsonObject, target: Target, op: PatchOperation, adaptations: Adaptations): void {
  const holder = holderOf(resource, target.holder, op.op !== 'remove');
  if (!holder) return;
  if (target.def.kind === 'multi') applyMulti(holder, target, op, adaptations);
  else if (target.def.kind === 'complex') applyComplex(holder, target, op, adaptations);
  else applySimple(holder, target, op, adaptations);
  if (target.holder === 'enterprise' && Object.keys(holder).length === 0) deleteKey(resource, ENTERPRISE_USER_URN);
}

function applySimple(holder: JsonObject, { def }: Target, op: PatchOperation, adaptations: Adaptations): void {
  const value = op.op === 'remove' ? undefined : scalarValue(def, op.value, adaptations);
  if (value === undefined) deleteKey(holder, def.name);
  else setKey(holder, def.name, value);
}

/** `name`, `manager`: replace merges sub-attributes (RFC 7644 §3.5.2.3); null or "" removes. */
function applyComplex(holder: JsonObject, { def, sub }: Target, op: PatchOperation, adaptations: Adaptations): void {
  const existingValue = getKey(holder, def.name);
  const existing = isJsonObject(existingValue) ? existingValue : {};
  let next: JsonObject;
  if (sub) {
    const value = op.op === 'remove' ? undefined : subValue(def, sub, op.value, adaptations);
    next = { ...existing };
    if (value === undefined) delete next[sub];
    else next[sub] = value;
  } else {
    const clear = op.op === 'remove' || isBlank(op.value);
    next = clear ? {} : mergeComplex(def, existing, op.value, adaptations);
  }
  if (Object.keys(next).length === 0) deleteKey(holder, def.name);
  else setKey(holder, def.name, next);
}

/** The object that holds the attribute: the resource, or its enterprise extension object. */
function holderOf(resource: JsonObject, holder: Target['holder'], create: boolean): JsonObject | undefined {
  if (holder === 'core') return resource;
  const key = findKey(resource, ENTERPRISE_USER_URN);
  const existing = key === undefined ? undefined : resource[key];
  if (isJsonObject(existing)) return existing;
  if (!create) return undefined;
  const created: JsonObject = {};
  setKey(resource, ENTERPRISE_USER_URN, created);
  return created;
}

function sameId(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}
