import { and, eq, type SQL } from 'drizzle-orm';
import { groups, type Group } from '@/db/schema';
import { findGroupMemberRefs, type GroupMemberRef } from '@/lib/groups/find-group-members';
import { addGroupMembers, replaceGroupMembers } from '@/lib/groups/group-membership';
import { deleteGroup, getGroup, insertGroup, updateGroup } from '@/lib/groups/write-group';
import type { AnyScimContext, Operation, OperationResult, ScimContext } from '../context';
import { notFound } from '../errors';
import { compileGroupFilter } from '../filter/to-sql';
import { groupSortColumn } from '../filter/sort';
import { assertIfMatch, etagFor } from '../if-match';
import { planGroupPatch } from '../patch/group-patch';
import { groupResource } from '../resources/group-resource';
import { listResponse } from '../resources/list-response';
import { needsMembers, projectAttributes } from '../resources/project-attributes';
import { isResourceId } from '../resource-id';
import { parseGroupBody } from '../schemas/group';
import { applyGroupMemberChanges, noteUnknownMembers } from './group-members';
import { patchScope, unmapBeforeDelete, withGroupRoles } from './group-policy';
import { groupAndElevated } from '@/lib/policy/recompute-roles';
import { listQueryFrom } from './list-query';
import { pageWithTotal } from './page-with-total';
import { readGroup } from './prepared-reads';
import { patchOperationsOf } from './patch-body';

async function requireGroup(ctx: ScimContext, forUpdate = false): Promise<Group> {
  const row = isResourceId(ctx.id) ? await getGroup(ctx.tx, ctx.orgId, ctx.id, { forUpdate }) : null;
  if (!row) throw notFound(`Group ${ctx.id?.slice(0, 100)} not found`);
  return row;
}

/**
 * The group as SCIM JSON; the membership table is read only when members will be returned and
 * are not known already (`members`: a group just created with nobody in it has none).
 */
async function groupResult(ctx: AnyScimContext, row: Group, status: number, withMembers: boolean, members?: GroupMemberRef[]): Promise<OperationResult> {
  const refs = withMembers ? (members ?? (await findGroupMemberRefs(ctx.tx, ctx.orgId, [row.id])).get(row.id)) : undefined;
  const headers: Record<string, string> = { ETag: etagFor(row.version) };
  if (status === 201) headers.Location = `${ctx.baseUrl}/Groups/${row.id}`;
  return { status, body: groupResource(row, refs, ctx.baseUrl), headers, resourceId: row.id };
}

function parseAndNote(ctx: ScimContext) {
  const parsed = parseGroupBody(ctx.body);
  ctx.notes.adapt(parsed.adaptations);
  ctx.notes.ignore(parsed.ignoredAttributes);
  ctx.notes.summary.memberCount = parsed.fields.memberIds.length;
  nameInLog(ctx, parsed.fields.displayName);
  return parsed.fields;
}

/** The group's displayName at the time of the request, for the sync log (issue 13). */
function nameInLog(ctx: AnyScimContext, displayName: string | undefined): void {
  if (displayName) ctx.notes.summary.resourceName = displayName;
}

async function listGroups(ctx: AnyScimContext, fromBody: boolean): Promise<OperationResult> {
  const query = listQueryFrom(ctx, fromBody);
  const conditions: SQL[] = [eq(groups.orgId, ctx.orgId)];
  if (query.filter) conditions.push(compileGroupFilter(query.filter));
  const sort = query.sortBy ? groupSortColumn(query.sortBy) : groups.createdAt;
  const { rows, total } = await pageWithTotal(
    ctx.tx,
    groups,
    and(...conditions),
    { sort, id: groups.id, org: { column: groups.orgId, id: ctx.orgId }, descending: query.sortOrder === 'descending' },
    query,
  );
  // One query for every group's members on the page, and none when members are excluded.
  const refs = needsMembers(query)
    ? await findGroupMemberRefs(
        ctx.tx,
        ctx.orgId,
        rows.map((r) => r.id),
      )
    : undefined;
  const resources = rows.map((row) => projectAttributes(groupResource(row, refs?.get(row.id), ctx.baseUrl), query));
  return { status: 200, body: listResponse(resources, total, query.startIndex, resources.length) };
}

export const groupOperations = {
  create: {
    action: 'scim.group.create',
    resourceType: 'Group',
    needsBody: true,
    commit: 'transaction',
    run: async (ctx) => {
      const fields = parseAndNote(ctx);
      const row = await insertGroup(ctx.tx, ctx.orgId, { displayName: fields.displayName, externalId: fields.externalId });
      noteUnknownMembers(ctx, (await addGroupMembers(ctx.tx, ctx.orgId, row.id, fields.memberIds)).unknown);
      return groupResult(ctx, row, 201, true, fields.memberIds.length === 0 ? [] : undefined);
    },
  },
  get: {
    action: 'scim.group.read',
    resourceType: 'Group',
    needsBody: false,
    commit: 'read',
    run: async (ctx) => {
      const query = listQueryFrom(ctx, false);
      const row = isResourceId(ctx.id) ? await readGroup(ctx.tx, ctx.orgId, ctx.id) : null;
      if (!row) throw notFound(`Group ${ctx.id?.slice(0, 100)} not found`);
      nameInLog(ctx, row.displayName);
      const result = await groupResult(ctx, row, 200, needsMembers(query));
      return { ...result, body: projectAttributes(result.body as Record<string, unknown>, query) };
    },
  },
  list: { action: 'scim.group.list', resourceType: 'Group', needsBody: false, commit: 'read', run: (ctx) => listGroups(ctx, false) },
  search: { action: 'scim.group.list', resourceType: 'Group', needsBody: true, commit: 'read', run: (ctx) => listGroups(ctx, true) },
  replace: {
    action: 'scim.group.replace',
    resourceType: 'Group',
    needsBody: true,
    commit: 'transaction',
    run: async (ctx) => {
      const current = await requireGroup(ctx, true);
      assertIfMatch(ctx.request, current.version);
      const fields = parseAndNote(ctx);
      const updated = await updateGroup(ctx.tx, ctx.orgId, current.id, { displayName: fields.displayName, externalId: fields.externalId });
      await withGroupRoles(
        ctx,
        current.id,
        () => groupAndElevated(ctx.orgId, current.id),
        async () => {
          noteUnknownMembers(ctx, (await replaceGroupMembers(ctx.tx, ctx.orgId, current.id, fields.memberIds)).unknown);
        },
      );
      return groupResult(ctx, updated ?? current, 200, true);
    },
  },
  patch: {
    action: 'scim.group.patch',
    resourceType: 'Group',
    needsBody: true,
    commit: 'transaction',
    run: async (ctx) => {
      const current = await requireGroup(ctx, true);
      nameInLog(ctx, current.displayName);
      assertIfMatch(ctx.request, current.version);
      const plan = planGroupPatch(patchOperationsOf(ctx), current.id);
      ctx.notes.adapt(plan.adaptations);
      await withGroupRoles(
        ctx,
        current.id,
        () => patchScope(ctx, current.id, plan.members),
        () => applyGroupMemberChanges(ctx, current.id, plan.members),
      );
      const fields = {
        ...(plan.displayName !== undefined ? { displayName: plan.displayName } : {}),
        ...(plan.externalId !== undefined ? { externalId: plan.externalId } : {}),
      };
      const updated = await updateGroup(ctx.tx, ctx.orgId, current.id, fields);
      nameInLog(ctx, updated?.displayName);
      // RFC 7644 §3.5.2 allows 204; a group of 100,000 is not sent back on every membership change.
      return { status: 204, headers: { ETag: etagFor(updated?.version ?? current.version) }, resourceId: current.id };
    },
  },
  remove: {
    action: 'scim.group.delete',
    resourceType: 'Group',
    needsBody: false,
    commit: 'transaction',
    run: async (ctx) => {
      const current = await requireGroup(ctx, true);
      nameInLog(ctx, current.displayName);
      assertIfMatch(ctx.request, current.version);
      await unmapBeforeDelete(ctx, current.id, async () => {
        await deleteGroup(ctx.tx, ctx.orgId, current.id);
      });
      return { status: 204, resourceId: current.id };
    },
  },
} satisfies Record<string, Operation>;
