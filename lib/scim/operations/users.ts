import { and, eq, type SQL } from 'drizzle-orm';
import { members } from '@/db/schema';
import { getMember } from '@/lib/members/get-member';
import { deleteMemberRow } from '@/lib/members/remove-member';
import { insertMemberAudited, updateMember } from '@/lib/members/write-member';
import type { Operation, OperationResult, ScimContext } from '../context';
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
import { gateDeprovision, suspends } from './deprovision-gate';
import { planScimCreate } from '@/lib/policy/adoption';

function userResult(ctx: ScimContext, row: Parameters<typeof toUserResource>[0], status: number): OperationResult {
  const resource = toUserResource(row, ctx.baseUrl);
  const headers: Record<string, string> = { ETag: etagFor(row.version) };
  if (status === 201) headers.Location = `${ctx.baseUrl}/Users/${row.id}`;
  return { status, body: resource, headers, resourceId: row.id };
}

function parseAndNote(ctx: ScimContext, body: unknown) {
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
function nameInLog(ctx: ScimContext, userName: string | undefined): void {
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

async function requireUser(ctx: ScimContext, forUpdate = false) {
  const row = isResourceId(ctx.id) ? await getMember(ctx.tx, ctx.orgId, ctx.id, { forUpdate }) : null;
  if (!row) throw notFound(`User ${ctx.id?.slice(0, 100)} not found`);
  return row;
}

async function listUsers(ctx: ScimContext, fromBody: boolean): Promise<OperationResult> {
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
    oneStatement: true,
    run: async (ctx) => {
      const fields = parseAndNote(ctx, ctx.body);
      const plan = await planScimCreate(ctx.tx, ctx.orgId, fields.userName, fields.email);
      if (plan.adoptId) return userResult(ctx, await adoptOnCreate(ctx, plan.adoptId, fields), 201);
      return userResult(ctx, await insertMemberAudited(ctx.tx, ctx.orgId, fields, 'scim', ctx.auditAs(201), plan.defaultRole), 201);
    },
  },
  get: {
    action: 'scim.user.read',
    resourceType: 'User',
    needsBody: false,
    readOnly: true,
    run: async (ctx) => {
      const row = isResourceId(ctx.id) ? await readUser(ctx.tx, ctx.orgId, ctx.id) : null;
      if (!row) throw notFound(`User ${ctx.id?.slice(0, 100)} not found`);
      nameInLog(ctx, row.userName);
      const result = userResult(ctx, row, 200);
      const query = listQueryFrom(ctx, false);
      return { ...result, body: projectAttributes(result.body as Record<string, unknown>, query) };
    },
  },
  list: { action: 'scim.user.list', resourceType: 'User', needsBody: false, readOnly: true, run: (ctx) => listUsers(ctx, false) },
  search: { action: 'scim.user.list', resourceType: 'User', needsBody: true, readOnly: true, run: (ctx) => listUsers(ctx, true) },
  replace: {
    action: 'scim.user.replace',
    resourceType: 'User',
    needsBody: true,
    run: async (ctx) => {
      const current = await requireUser(ctx, true);
      nameInLog(ctx, current.userName);
      assertIfMatch(ctx.request, current.version);
      const fields = parseAndNote(ctx, ctx.body);
      const held = suspends(current, fields) ? await gateDeprovision(ctx, current, 'suspend') : null;
      if (held) return held;
      const { row: updated } = await guardedUserWrite(ctx, current, async () => ({ row: await updateMember(ctx.tx, ctx.orgId, current.id, fields) }));
      if (!updated) throw notFound(`User ${current.id} not found`);
      return userResult(ctx, updated, 200);
    },
  },
  patch: {
    action: 'scim.user.patch',
    resourceType: 'User',
    needsBody: true,
    run: async (ctx) => {
      const current = await requireUser(ctx, true);
      nameInLog(ctx, current.userName);
      assertIfMatch(ctx.request, current.version);
      const operations = patchOperationsOf(ctx);
      const patched = applyUserPatch(toUserResource(current, ctx.baseUrl), operations);
      ctx.notes.adapt(patched.adaptations);
      // Removing `active` leaves it as it was: absent would read as active and reactivate a
      // suspended person (only an explicit active=true reactivates).
      if (!('active' in patched.resource)) patched.resource.active = current.status === 'active';
      const parsed = parseUserBody(patched.resource);
      ctx.notes.adapt(parsed.adaptations);
      ctx.notes.ignore(parsed.ignoredAttributes);
      const held = suspends(current, parsed.fields) ? await gateDeprovision(ctx, current, 'suspend') : null;
      if (held) return held;
      const { row: updated } = await guardedUserWrite(ctx, current, async () => ({ row: await updateMember(ctx.tx, ctx.orgId, current.id, parsed.fields) }));
      if (!updated) throw notFound(`User ${current.id} not found`);
      nameInLog(ctx, updated.userName);
      return userResult(ctx, updated, 200);
    },
  },
  remove: {
    action: 'scim.user.delete',
    resourceType: 'User',
    needsBody: false,
    run: async (ctx) => {
      const current = await requireUser(ctx, true);
      nameInLog(ctx, current.userName);
      assertIfMatch(ctx.request, current.version);
      const held = await gateDeprovision(ctx, current, 'delete');
      if (held) return held;
      await guardedUserWrite(ctx, current, async () => ({ row: null, deleted: await deleteMemberRow(ctx.tx, ctx.orgId, current.id) }));
      return { status: 204, resourceId: current.id };
    },
  },
} satisfies Record<string, Operation>;
