import { invalidPath, invalidValue, noTarget, ScimError } from '../errors';
import { formatPath, type AttrPath, type FilterNode } from '../filter/ast';
import { parsePath } from '../filter/parser';
import { CORE_GROUP_URN, sameUrn } from '../urns';
import { getKey, isJsonObject } from '@/lib/json-object';
import { isBlank } from '../schemas/json-keys';
import { MemberChangeSet } from './member-changes';
import { Adaptations, normalizeOperations } from './operations';
import type { GroupPatchPlan, PatchOperation } from './types';
import { MAX_NAME_LENGTH, MAX_STRING_LENGTH } from '../schemas/scalars';

/** Member values in one request; larger changes must be split (Okta and Entra batch anyway). */
export const MAX_MEMBER_VALUES = 10_000;

type Plan = { displayName?: string; externalId?: string | null; members: MemberChangeSet; adaptations: Adaptations; count: number };

/**
 * Turns Group PATCH operations (RFC 7644 §3.5.2) into a plan the caller applies with set-based
 * SQL: a new displayName / externalId and membership changes. Needs no current member list.
 * Member ids are collected lower-cased (Roster ids are UUIDs); the caller validates them.
 */
export function planGroupPatch(operations: readonly unknown[], groupId: string): GroupPatchPlan {
  const plan: Plan = { members: new MemberChangeSet(), adaptations: new Adaptations(), count: 0 };
  for (const op of normalizeOperations(operations, plan.adaptations)) {
    if (op.path !== undefined) applyPath(plan, op, parsePath(op.path), op.value);
    else if (op.op === 'remove') throw noTarget(`Operations[${op.index}]: "remove" needs a path`);
    else applyObject(plan, op, groupId);
  }
  return {
    ...(plan.displayName !== undefined ? { displayName: plan.displayName } : {}),
    ...(plan.externalId !== undefined ? { externalId: plan.externalId } : {}),
    members: plan.members.toChanges(),
    adaptations: plan.adaptations.list(),
  };
}

/** Okta renames with `{"op":"replace","value":{"id":"<this group>","displayName":"x"}}`. */
function applyObject(plan: Plan, op: PatchOperation, groupId: string): void {
  if (!isJsonObject(op.value)) throw invalidValue(`Operations[${op.index}]: "${op.op}" without a path needs an object value`);
  for (const [key, value] of Object.entries(op.value)) {
    const lower = key.toLowerCase();
    if (lower === 'schemas') plan.adaptations.add('schemas in no-path value ignored');
    else if (lower === 'id' && typeof value === 'string' && value.toLowerCase() === groupId.toLowerCase()) {
      plan.adaptations.add('own id in no-path value ignored');
    } else applyPath(plan, op, parsePath(key), value);
  }
}

function applyPath(plan: Plan, op: PatchOperation, path: AttrPath, value: unknown): void {
  if (path.uri !== undefined && !sameUrn(path.uri, CORE_GROUP_URN)) throw invalidPath(`Unknown Group attribute "${formatPath(path)}"`);
  const attr = path.attr.toLowerCase();
  if (attr === 'id' || attr === 'meta' || attr === 'schemas') throw new ScimError(400, 'mutability', `"${path.attr}" cannot be modified`);
  if (attr === 'members') return applyMembers(plan, op, path, value);
  if (path.subAttr || path.valueFilter) throw invalidPath(`"${formatPath(path)}" is not a Group attribute path`);
  if (attr === 'displayname') plan.displayName = displayName(op, value);
  else if (attr === 'externalid') plan.externalId = externalId(op, value);
  else throw invalidPath(`Unknown Group attribute "${formatPath(path)}"`);
}

function displayName(op: PatchOperation, value: unknown): string {
  if (op.op === 'remove' || isBlank(value)) throw invalidValue('displayName is required and cannot be removed');
  if (typeof value !== 'string' || !value.trim()) throw invalidValue(`displayName must be a non-empty string`);
  // The same limits as a POST/PUT body (schemas/scalars.ts); the unique index needs them too.
  if (value.length > MAX_NAME_LENGTH) throw invalidValue(`displayName is longer than ${MAX_NAME_LENGTH} characters`);
  return value;
}

function externalId(op: PatchOperation, value: unknown): string | null {
  if (op.op === 'remove' || isBlank(value)) return null;
  if (typeof value !== 'string') throw invalidValue('externalId must be a string');
  if (value.length > MAX_STRING_LENGTH) throw invalidValue(`externalId is longer than ${MAX_STRING_LENGTH} characters`);
  return value;
}

function applyMembers(plan: Plan, op: PatchOperation, path: AttrPath, value: unknown): void {
  if (path.subAttr && !path.valueFilter) throw invalidPath(`"${formatPath(path)}": use members or members[value eq "<id>"]`);
  if (path.valueFilter) {
    // Okta / JumpCloud: {"op":"remove","path":"members[value eq \"<id>\"]"}.
    if (op.op !== 'remove') throw invalidPath(`"${op.op}" with a members filter: use path "members" with a value list`);
    return plan.members.remove(count(plan, idsInFilter(path.valueFilter)));
  }
  if (op.op === 'add') return plan.members.add(count(plan, memberIds(value, plan.adaptations)));
  if (op.op === 'replace') return plan.members.replaceAll(count(plan, memberIds(value, plan.adaptations)));
  // Entra and OneLogin remove with a value list: only those members go, never the whole group.
  if (op.hasValue && !isBlank(value)) {
    plan.adaptations.add('remove with value list');
    return plan.members.remove(count(plan, memberIds(value, plan.adaptations)));
  }
  plan.members.removeAll();
}

/**
 * `[{ "value": "<id>", "display": "..." }]`; a single object, and bare id strings inside the
 * list, are tolerated. `"value": "<id>"` alone is refused (issue 14): no IdP sends members so.
 */
function memberIds(value: unknown, adaptations: Adaptations): string[] {
  if (isBlank(value)) return [];
  if (!Array.isArray(value) && !isJsonObject(value)) {
    throw invalidValue(`members is multi-valued: send an array of {"value": "<id>"} objects, not ${JSON.stringify(value).slice(0, 60)}`);
  }
  const items = Array.isArray(value) ? value : [value];
  if (!Array.isArray(value)) adaptations.add('single value wrapped in array');
  return items.map((item) => {
    if (typeof item === 'string') adaptations.add('bare value wrapped as multi-valued entry');
    const id = typeof item === 'string' ? item : isJsonObject(item) ? getKey(item, 'value') : undefined;
    if (typeof id !== 'string' || !id.trim()) throw invalidValue(`members values need a "value" with the member id, got ${JSON.stringify(item)}`);
    return id.trim().toLowerCase();
  });
}

/** `value eq "a"`, or several joined with `or`; other filters are not membership by id. */
function idsInFilter(filter: FilterNode): string[] {
  if (filter.kind === 'or') return [...idsInFilter(filter.left), ...idsInFilter(filter.right)];
  const plain = filter.kind === 'compare' && !filter.path.uri && !filter.path.subAttr && !filter.path.valueFilter;
  if (plain && filter.op === 'eq' && filter.path.attr.toLowerCase() === 'value' && typeof filter.value === 'string') {
    return [filter.value.toLowerCase()];
  }
  throw invalidPath('Only members[value eq "<id>"] (optionally joined with "or") is supported');
}

function count(plan: Plan, ids: string[]): string[] {
  plan.count += ids.length;
  if (plan.count > MAX_MEMBER_VALUES) throw invalidValue(`At most ${MAX_MEMBER_VALUES} member values per request`);
  return ids;
}
