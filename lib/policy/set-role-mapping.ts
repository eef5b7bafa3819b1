import { and, eq } from 'drizzle-orm';
import { roleMappings, type MemberRole } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getGroup } from '@/lib/groups/write-group';
import { notifyTeamChanged } from '@/lib/live/team-change-channel';
import { AppError } from '@/lib/errors';
import { assertActiveOwnerRemains, lockOwnerChanges } from './owner-guard';
import { groupAndElevated, recomputeRoles } from './recompute-roles';

/**
 * Maps one of the org's groups to a role, or unmaps it (role null). The group's members, and
 * anyone who may lose a role, are recomputed in the same transaction; a change that would leave
 * the org without an active owner is refused.
 */
export async function setRoleMapping(db: Db, orgId: string, groupId: string, role: MemberRole | null, actor: AuditActor): Promise<{ rolesMoved: number }> {
  return db.transaction(async (tx) => {
    await lockOwnerChanges(tx, orgId);
    const group = await getGroup(tx, orgId, groupId);
    if (!group) throw new AppError('not_found', 'That group is no longer in the directory');
    if (role === null) {
      await tx.delete(roleMappings).where(and(eq(roleMappings.orgId, orgId), eq(roleMappings.groupId, groupId)));
    } else {
      await tx
        .insert(roleMappings)
        .values({ orgId, groupId, role })
        .onConflictDoUpdate({ target: [roleMappings.orgId, roleMappings.groupId], set: { role } });
    }
    const rolesMoved = await recomputeRoles(tx, orgId, groupAndElevated(orgId, groupId));
    await assertActiveOwnerRemains(tx, orgId);
    if (rolesMoved > 0) await notifyTeamChanged(tx, orgId);
    await recordAuditEvent(tx, {
      orgId,
      action: 'policy.role-mapping.set',
      actor,
      resourceType: 'Group',
      resourceId: groupId,
      summary: { group: group.displayName, role: role ?? 'none', rolesMoved },
    });
    return { rolesMoved };
  });
}
