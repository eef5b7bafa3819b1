import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { members } from '@/db/schema';
import { getMember } from '@/lib/members/get-member';
import { updateMember } from '@/lib/members/write-member';
import { createScimMember, deleteMemberAudited, lockMember, updateMemberIfUnchanged } from '@/lib/members/member-statements';
import { assertActiveOwnerRemains, lockOwnerChanges } from '@/lib/policy/owner-guard';
import { decideDeprovision, lockDeprovisions, readGuardState } from '@/lib/policy/deprovision-guard';
import type { Member } from '@/db/schema';
import type { MemberFields } from '@/lib/members/member-fields';
import type { AnyScimContext, Operation, OperationResult, ScimContext } from '../context';
import { notFound } from '../errors';
import { compileUserFilter } from '../filter/to-sql';
import { userSortColumn } from '../filter/sort';
import { assertIfMatch, etagFor } from '../if-match';
import { applyUserPatch } from '../patch/user-patch';
import { listResponse } from '../resources/list-response';
import { projectAttributes } from '../resources/project-attributes';
import { toUserResource } from '../resources/user-resource';
import { parseUserBody } from '../schemas/user';
import { isResourceId } from '../resource-id';
import { listQueryFrom } from './list-query';
import { pageWithTotal } from './page-with-total';
import { findByUserName, readUser } from './prepared-reads';
import { exactUserName } from './user-name-lookup';
import { patchOperationsOf } from './patch-body';
import { adoptOnCreate, guardedUserWrite } from './user-policy';
import { gateDeprovision, heldResult, suspends } from './deprovision-gate';

function userResult(ctx: AnyScimContext, row: Parameters<typeof toUserResource>[0], status: number): OperationResult {
  const resource = toUserResource(row, ctx.baseUrl);
  const headers: Record<string, string> = { ETag: etagFor(row.version) };
  if (status === 201) headers.Location = `${ctx.baseUrl}/Users/${row.id}`;
  return { status, body: resource, headers, resourceId: row.id };
}

function parseAndNote(ctx: AnyScimContext, body: unknown) {
  const parsed = parseUserBody(body);
  ctx.notes.adapt(parsed.adaptations);
  ctx.notes.ignore(parsed.ignoredAttributes);
  ctx.notes.summary.attributes = attributeNames(body);
  nameInLog(ctx, parsed.fields.userName);
  return parsed.fields;
}

/**
 * The person's userName as it was at the time of the request, for the sync log (issue 13: a
 * UUID alone names nobody). Set before the row is written, so it lands in the same statement.
 */
function nameInLog(ctx: AnyScimContext, userName: string | undefined): void {
  if (userName) ctx.notes.summary.resourceName = userName;
}

/** Top-level attribute names of a body, for the sync log (names only, never values). */
function attributeNames(body: unknown): string[] {
  return body && typeof body === 'object'
    ? Object.keys(body)
        .filter((k) => k !== 'schemas')
        .slice(0, 50)
    : [];
}

const userNotFound = (ctx: AnyScimContext) => notFound(`User ${ctx.id?.slice(0, 100)} not found`);

async function requireUser(ctx: ScimContext, forUpdate = false) {
  const row = isResourceId(ctx.id) ? await getMember(ctx.tx, ctx.orgId, ctx.id, { forUpdate }) : null;
  if (!row) throw userNotFound(ctx);
  return row;
}

/** A PATCH's operations applied to the person as they are, validated as a PUT body would be. */
function patchedFields(ctx: AnyScimContext, current: Member): MemberFields {
  const operations = patchOperationsOf(ctx);
  const patched = applyUserPatch(toUserResource(current, ctx.baseUrl), operations);
  ctx.notes.adapt(patched.adaptations);
  // Removing `active` leaves it as it was: absent would read as active and reactivate a
  // suspended person (only an explicit active=true reactivates).
  if (!('active' in patched.resource)) patched.resource.active = current.status === 'active';
  const parsed = parseUserBody(patched.resource);
  ctx.notes.adapt(parsed.adaptations);
  ctx.notes.ignore(parsed.ignoredAttributes);
  return parsed.fields;
}

/**
 * A PUT or PATCH in ONE statement, without BEGIN, lock or COMMIT (issue 15): the person is read
 * (a prepared read), the change computed, and the row written with its sync-log row only if it
 * is still as read — same version, same status, SCIM-managed, not an owner. Then none of the
 * access policy applies (no owner can be deprovisioned, no person suspended, nobody adopted), and
 * the WHERE proves it at the moment of the write. Null: the row moved or the policy applies —
 * the caller redoes the request under the row lock (locked).
 */
async function writeUnlocked(ctx: ScimContext<Db>, fieldsOf: (current: Member) => MemberFields): Promise<OperationResult | null> {
  const current = isResourceId(ctx.id) ? await readUser(ctx.tx, ctx.orgId, ctx.id) : null;
  if (!current) throw userNotFound(ctx);
  nameInLog(ctx, current.userName);
  assertIfMatch(ctx.request, current.version);
  const fields = fieldsOf(current);
  if (current.source !== 'scim' || current.role === 'owner' || suspends(current, fields)) return null;
  nameInLog(ctx, fields.userName);
  const updated = await updateMemberIfUnchanged(ctx.tx, ctx.orgId, current, fields, ctx.auditAs(200));
  return updated ? { ...userResult(ctx, updated, 200), logged: true } : null;
}

/** writeUnlocked, else the same request in a transaction under the row lock, from a clean slate. */
async function writeUser(
  ctx: ScimContext<Db>,
  fast: (ctx: ScimContext<Db>) => Promise<OperationResult | null>,
  locked: (ctx: ScimContext) => Promise<OperationResult>,
) {
  const before = ctx.notes.snapshot();
  const result = await fast(ctx);
  if (result) return result;
  ctx.notes.restore(before);
  return ctx.transaction(locked);
}

/**
 * PUT and PATCH: the new fields from the request (`fieldsOf`), written by writeUnlocked, else
 * under the row lock with the access policy's rules. Both paths log the name after the write.
 */
function writeUserFields(fieldsOf: (ctx: AnyScimContext, current: Member) => MemberFields) {
  return (ctx: ScimContext<Db>) =>
    writeUser(
      ctx,
      (ctx) => writeUnlocked(ctx, (current) => fieldsOf(ctx, current)),
      async (ctx) => {
        const current = await requireUser(ctx, true);
        nameInLog(ctx, current.userName);
        assertIfMatch(ctx.request, current.version);
        const fields = fieldsOf(ctx, current);
        const held = suspends(current, fields) ? await gateDeprovision(ctx, current, 'suspend') : null;
        if (held) return held;
        const { row: updated } = await guardedUserWrite(ctx, current, async () => ({ row: await updateMember(ctx.tx, ctx.orgId, current.id, fields) }));
        if (!updated) throw notFound(`User ${current.id} not found`);
        nameInLog(ctx, updated.userName);
        return userResult(ctx, updated, 200);
      },
    );
}

async function listUsers(ctx: AnyScimContext, fromBody: boolean): Promise<OperationResult> {
  const query = listQueryFrom(ctx, fromBody);
  const userName = exactUserName(query);
  if (userName !== undefined) {
    const found = await findByUserName(ctx.tx, ctx.orgId, userName);
    if (found.length === 1) nameInLog(ctx, found[0]?.userName);
    const resources = found.map((row) => projectAttributes(toUserResource(row, ctx.baseUrl), query));
    return { status: 200, body: listResponse(resources, found.length, 1, resources.length) };
  }
  const conditions: SQL[] = [eq(members.orgId, ctx.orgId)];
  if (query.filter) conditions.push(compileUserFilter(query.filter));
  const sort = query.sortBy ? userSortColumn(query.sortBy) : members.createdAt;
  const { rows, total } = await pageWithTotal(
    ctx.tx,
    members,
    and(...conditions),
    { sort, id: members.id, org: { column: members.orgId, id: ctx.orgId }, descending: query.sortOrder === 'descending' },
    query,
  );
  const resources = rows.map((row) => projectAttributes(toUserResource(row, ctx.baseUrl), query));
  return { status: 200, body: listResponse(resources, total, query.startIndex, resources.length) };
}

export const userOperations = {
  create: {
    action: 'scim.user.create',
    resourceType: 'User',
    needsBody: true,
    commit: 'statement',
    run: async (ctx) => {
      const fields = parseAndNote(ctx, ctx.body);
      const created = await createScimMember(ctx.tx, ctx.orgId, fields, ctx.auditAs(201));
      if (created.row) return { ...userResult(ctx, created.row, 201), logged: true };
      const adoptId = created.adoptId;
      return ctx.transaction(async (ctx) => userResult(ctx, await adoptOnCreate(ctx, adoptId, fields), 201));
    },
  },
  get: {
    action: 'scim.user.read',
    resourceType: 'User',
    needsBody: false,
    commit: 'read',
    run: async (ctx) => {
      const row = isResourceId(ctx.id) ? await readUser(ctx.tx, ctx.orgId, ctx.id) : null;
      if (!row) throw userNotFound(ctx);
      nameInLog(ctx, row.userName);
      const result = userResult(ctx, row, 200);
      const query = listQueryFrom(ctx, false);
      return { ...result, body: projectAttributes(result.body as Record<string, unknown>, query) };
    },
  },
  list: { action: 'scim.user.list', resourceType: 'User', needsBody: false, commit: 'read', run: (ctx) => listUsers(ctx, false) },
  search: { action: 'scim.user.list', resourceType: 'User', needsBody: true, commit: 'read', run: (ctx) => listUsers(ctx, true) },
  replace: {
    action: 'scim.user.replace',
    resourceType: 'User',
    needsBody: true,
    commit: 'statement',
    run: writeUserFields((ctx) => parseAndNote(ctx, ctx.body)),
  },
  patch: {
    action: 'scim.user.patch',
    resourceType: 'User',
    needsBody: true,
    commit: 'statement',
    run: writeUserFields(patchedFields),
  },
  remove: {
    action: 'scim.user.delete',
    resourceType: 'User',
    needsBody: false,
    commit: 'transaction',
    run: async (ctx) => {
      if (!isResourceId(ctx.id)) throw userNotFound(ctx);
      // Three statements in one round trip (pipelined, in this order): the person's row lock, the
      // deprovisioning guard's lock, and the guard's state, read after both.
      const [current, , state] = await Promise.all([
        lockMember(ctx.tx, ctx.orgId, ctx.id),
        lockDeprovisions(ctx.tx, ctx.orgId),
        readGuardState(ctx.tx, ctx.orgId, ctx.id),
      ]);
      if (!current) throw userNotFound(ctx);
      nameInLog(ctx, current.userName);
      assertIfMatch(ctx.request, current.version);
      const verdict = await decideDeprovision(ctx.tx, ctx.orgId, current.id, 'delete', state);
      if (verdict.held) return heldResult(ctx, current, verdict.detail);
      // The owner rule (lib/policy/owner-guard), as guardedUserWrite applies it: only an owner's
      // deletion can leave the org without one.
      const owner = current.role === 'owner';
      if (owner) await lockOwnerChanges(ctx.tx, ctx.orgId);
      await deleteMemberAudited(ctx.tx, ctx.orgId, current.id, ctx.auditAs(204));
      if (owner) await assertActiveOwnerRemains(ctx.tx, ctx.orgId);
      return { status: 204, resourceId: current.id, logged: true };
    },
  },
} satisfies Record<string, Operation>;
