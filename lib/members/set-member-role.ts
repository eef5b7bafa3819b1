import { and, eq, sql } from 'drizzle-orm';
import { members, type MemberRole } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { notifyTeamChanged } from '@/lib/live/team-change-channel';
import { AppError } from '@/lib/errors';
import { findRoleSources } from '@/lib/policy/find-role-sources';
import { recomputeRoles } from '@/lib/policy/recompute-roles';
import { lockActiveOwners } from './lock-owners';

/**
 * An owner who cannot sign in could not act as one, and would count towards "someone else is an
 * owner" while nobody can use it (issue 13; the team page hides "Make owner" for them too).
 */
function assertCanSignIn(member: { accountId: string | null; status: string }): void {
  if (member.status !== 'active') throw new AppError('conflict', 'They are suspended: only someone who can sign in can be made an owner');
  if (member.accountId === null) {
    throw new AppError('conflict', 'They have not joined yet: make them an owner once they have signed in (invite link or single sign-on)');
  }
}

/**
 * Grants a role by hand (or takes it back). The effective role is then recomputed: a role the
 * directory gives through a mapped group cannot be taken away here, the last active owner
 * cannot be demoted, and only someone who can sign in can be made an owner.
 */
export async function setMemberRole(db: Db, orgId: string, memberId: string, role: MemberRole, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const owners = await lockActiveOwners(tx, orgId);
    if (role !== 'owner' && owners.length === 1 && owners[0] === memberId) {
      throw new AppError('conflict', 'This is the last owner: make someone else an owner first');
    }
    const where = and(eq(members.orgId, orgId), eq(members.id, memberId));
    const [before] = await tx.select({ role: members.role, accountId: members.accountId, status: members.status }).from(members).where(where).for('update');
    if (!before) throw new AppError('not_found', 'That member is no longer on the team');
    if (role === 'owner') assertCanSignIn(before);
    await tx
      .update(members)
      .set({ grantedRole: role, updatedAt: sql`now()` })
      .where(where);
    await recomputeRoles(tx, orgId, { ids: [memberId] });
    const source = (await findRoleSources(tx, orgId, [memberId])).get(memberId);
    if (source && source.role !== role && source.role === before.role && source.via !== 'hand') {
      // The directory decides: a hand change that cannot take effect is refused, not half applied.
      throw new AppError('conflict', `${cap(source.role)} ${source.label}: change it in your identity provider or in the role mapping under Security`);
    }
    await notifyTeamChanged(tx, orgId);
    await recordAuditEvent(tx, { orgId, action: 'member.role.set', actor, resourceType: 'Member', resourceId: memberId, summary: { role } });
  });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
