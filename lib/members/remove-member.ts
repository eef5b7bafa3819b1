import { and, eq } from 'drizzle-orm';
import { members, type MemberRole } from '@/db/schema';
import type { Db, Tx } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { notifyTeamChanged } from '@/lib/live/team-change-channel';
import { AppError } from '@/lib/errors';
import { lockActiveOwners } from './lock-owners';

/**
 * Deletes a member row; group memberships go with it (FK cascade). People they managed lose
 * their manager first, since the manager key has no cascade of its own.
 */
export async function deleteMemberRow(tx: Tx, orgId: string, memberId: string): Promise<boolean> {
  await tx
    .update(members)
    .set({ managerId: null })
    .where(and(eq(members.orgId, orgId), eq(members.managerId, memberId)));
  const deleted = await tx
    .delete(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
    .returning({ id: members.id });
  return deleted.length > 0;
}

/** An owner removes someone from the team by hand. The last owner cannot be removed. */
export async function removeMember(db: Db, orgId: string, memberId: string, actor: AuditActor, actorRole: MemberRole = 'owner'): Promise<void> {
  await db.transaction(async (tx) => {
    const owners = await lockActiveOwners(tx, orgId);
    if (owners.length === 1 && owners[0] === memberId) {
      throw new AppError('conflict', 'This is the last owner: make someone else an owner first');
    }
    const [target] = await tx
      .select({ source: members.source, role: members.role })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
      .for('update');
    if (!target) throw new AppError('not_found', 'That member is no longer on the team');
    // Admins may remove people added by hand, never an owner (README "Access policy").
    if (target.role === 'owner' && actorRole !== 'owner') throw new AppError('forbidden', 'Only owners can remove an owner');
    // The IdP owns SCIM-provisioned people: removed here, they would return on its next sync.
    if (target.source === 'scim') throw new AppError('conflict', 'This person is managed by your identity provider: remove or unassign them there');
    await deleteMemberRow(tx, orgId, memberId);
    await notifyTeamChanged(tx, orgId);
    await recordAuditEvent(tx, {
      orgId,
      action: 'member.remove',
      actor,
      resourceType: 'Member',
      resourceId: memberId,
    });
  });
}
