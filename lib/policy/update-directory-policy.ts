import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { notifyTeamChanged } from '@/lib/live/team-change-channel';
import { getDirectoryPolicy, writeDirectoryPolicy, type DirectoryPolicyDto } from './directory-policy';
import { assertActiveOwnerRemains, lockOwnerChanges } from './owner-guard';
import { recomputeRoles } from './recompute-roles';

/**
 * An owner changes the default role, adoption or the deprovisioning guard. A new default role
 * moves the roles of every SCIM-managed person, in this transaction, with one statement.
 */
export async function updateDirectoryPolicy(db: Db, orgId: string, change: Partial<DirectoryPolicyDto>, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOwnerChanges(tx, orgId);
    const before = await getDirectoryPolicy(tx, orgId);
    await writeDirectoryPolicy(tx, orgId, change);
    const moved = change.defaultRole && change.defaultRole !== before.defaultRole ? await recomputeRoles(tx, orgId, 'org') : 0;
    await assertActiveOwnerRemains(tx, orgId);
    if (moved > 0) await notifyTeamChanged(tx, orgId);
    await recordAuditEvent(tx, { orgId, action: 'policy.update', actor, resourceType: 'Policy', summary: { ...change, rolesMoved: moved } });
  });
}
