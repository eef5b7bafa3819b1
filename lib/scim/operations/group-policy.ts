import { and, eq } from 'drizzle-orm';
import { roleMappings } from '@/db/schema';
import { splitMemberIds } from '@/lib/groups/group-membership';
import { assertActiveOwnerRemains, lockOwnerChanges } from '@/lib/policy/owner-guard';
import { groupAndElevated, mappedRoleOf, recomputeRoles, type RecomputeScope } from '@/lib/policy/recompute-roles';
import type { ScimContext } from '../context';
import type { MemberChanges } from '../patch/types';

/**
 * A membership change to a group mapped to a role moves roles: they are recomputed in the
 * request's transaction (set-based, scoped to who can move), and a change that would leave the
 * org without an active owner is refused. Unmapped groups cost one indexed lookup and no more.
 */
export async function withGroupRoles(ctx: ScimContext, groupId: string, scope: () => RecomputeScope, change: () => Promise<void>): Promise<void> {
  const role = await mappedRoleOf(ctx.tx, ctx.orgId, groupId);
  if (!role) return change();
  // Only a group mapped to owner can take an owner role away: the owner rule is checked for it.
  if (role === 'owner') await lockOwnerChanges(ctx.tx, ctx.orgId);
  await change();
  ctx.notes.summary.rolesMoved = await recomputeRoles(ctx.tx, ctx.orgId, scope());
  if (role === 'owner') await assertActiveOwnerRemains(ctx.tx, ctx.orgId);
}

/** Who a PATCH's member changes can move: the listed ids, or everyone who could lose a role. */
export function patchScope(ctx: ScimContext, groupId: string, changes: MemberChanges): RecomputeScope {
  if (changes.replaceAll || changes.removeAll) return groupAndElevated(ctx.orgId, groupId);
  return { ids: splitMemberIds([...changes.add, ...changes.remove]).uuids };
}

/**
 * Deleting a mapped group: its mapping goes first, then its members are recomputed (the group
 * no longer counts for them), then the caller deletes the group.
 */
export async function unmapBeforeDelete(ctx: ScimContext, groupId: string, deleteGroup: () => Promise<void>): Promise<void> {
  const role = await mappedRoleOf(ctx.tx, ctx.orgId, groupId);
  if (!role) return deleteGroup();
  await lockOwnerChanges(ctx.tx, ctx.orgId);
  await ctx.tx.delete(roleMappings).where(and(eq(roleMappings.orgId, ctx.orgId), eq(roleMappings.groupId, groupId)));
  ctx.notes.summary.rolesMoved = await recomputeRoles(ctx.tx, ctx.orgId, groupAndElevated(ctx.orgId, groupId));
  await assertActiveOwnerRemains(ctx.tx, ctx.orgId);
  await deleteGroup();
}
