import { and, eq, sql } from 'drizzle-orm';
import { members, type MemberRole } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { notifyTeamChanged } from '@/lib/live/team-change-channel';
import { AppError } from '@/lib/errors';
import { lockActiveOwners } from './lock-owners';

/** Makes a member an owner or takes it away. The last active owner cannot be demoted. */
export async function setMemberRole(
  db: Db,
  orgId: string,
  memberId: string,
  role: MemberRole,
  actor: AuditActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const owners = await lockActiveOwners(tx, orgId);
    if (role !== 'owner' && owners.length === 1 && owners[0] === memberId) {
      throw new AppError('conflict', 'This is the last owner: make someone else an owner first');
    }
    const [updated] = await tx
      .update(members)
      .set({ role, updatedAt: new Date(), version: sql`${members.version} + 1` })
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
      .returning({ id: members.id });
    if (!updated) throw new AppError('not_found', 'That member is no longer on the team');
    await notifyTeamChanged(tx, orgId);
    await recordAuditEvent(tx, {
      orgId,
      action: 'member.role.set',
      actor,
      resourceType: 'Member',
      resourceId: memberId,
      summary: { role },
    });
  });
}
