import type { Member } from '@/db/schema';
import { getMember } from '@/lib/members/get-member';
import type { MemberFields } from '@/lib/members/member-fields';
import { updateMember } from '@/lib/members/write-member';
import { assertActiveOwnerRemains, lockOwnerChanges } from '@/lib/policy/owner-guard';
import { recomputeRoles } from '@/lib/policy/recompute-roles';
import type { ScimContext } from '../context';
import { notFound, uniqueness } from '../errors';

/**
 * The access policy around a SCIM write to one person (DESIGN.md "Access policy"): an owner's
 * deprovisioning is serialised and refused when it would leave no active owner; a write to a
 * hand-added member adopts them (SCIM-managed from now on), which can move their role.
 */
export async function guardedUserWrite<T extends { row: Member | null }>(ctx: ScimContext, current: Member, write: () => Promise<T>): Promise<T> {
  if (current.role === 'owner') await lockOwnerChanges(ctx.tx, ctx.orgId);
  const result = await write();
  if (result.row && current.source !== 'scim') {
    ctx.notes.summary.adopted = true;
    await recomputeRoles(ctx.tx, ctx.orgId, { ids: [current.id] });
  }
  if (current.role === 'owner') await assertActiveOwnerRemains(ctx.tx, ctx.orgId);
  return result;
}

/**
 * A SCIM create that matched a member added by hand: that member becomes SCIM-managed with the
 * IdP's attributes, keeping id, account, sign-in, hand role and groups. 201 with the existing id,
 * so the IdP stores it and stops retrying a 409. Runs in the caller's transaction (ctx.transaction,
 * which writes the sync-log row naming the adopted member).
 */
export async function adoptOnCreate(ctx: ScimContext, memberId: string, fields: MemberFields): Promise<Member> {
  ctx.notes.summary.adopted = true;
  const current = await getMember(ctx.tx, ctx.orgId, memberId, { forUpdate: true });
  // Adopted (or removed) by a concurrent request since the lookup: as before adoption existed.
  if (!current || current.source === 'scim') throw uniqueness('userName is already taken in this organization');
  const { row } = await guardedUserWrite(ctx, current, async () => ({ row: await updateMember(ctx.tx, ctx.orgId, memberId, fields) }));
  if (!row) throw notFound(`User ${memberId} not found`);
  return row;
}
