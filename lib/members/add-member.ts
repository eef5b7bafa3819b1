import { members, type MemberRole } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { notifyTeamChanged } from '@/lib/live/team-change-channel';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { generateSecret, sha256Hex } from '@/lib/secrets';
import type { AddMemberInput } from '@/lib/validation/member';
import { fullName } from '@/lib/validation/person-name';

export const INVITE_TTL_DAYS = 7;

/**
 * An owner adds a person by hand. They get an invite link (shown once) through which they set a
 * password: the link is the verified identity that ties the member to an account.
 */
export async function addMember(
  db: Db,
  orgId: string,
  input: AddMemberInput,
  actor: AuditActor,
  /** The caller's own role: only owners may add an owner (README "Access policy"). */
  actorRole: MemberRole = 'owner',
): Promise<{ memberId: string; inviteSecret: string }> {
  if (input.role === 'owner' && actorRole !== 'owner') throw new AppError('forbidden', 'Only owners can add an owner', 'role');
  const inviteSecret = generateSecret('rsi_');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(members)
        .values({
          orgId,
          role: input.role,
          grantedRole: input.role,
          source: 'manual',
          userName: input.email,
          email: input.email,
          emails: [{ value: input.email, type: 'work', primary: true }],
          givenName: input.givenName,
          familyName: input.familyName,
          displayName: fullName(input),
          inviteTokenHash: sha256Hex(inviteSecret),
          inviteExpiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000),
        })
        .returning({ id: members.id });
      if (!row) throw new Error('insert returned no row');
      await notifyTeamChanged(tx, orgId);
      await recordAuditEvent(tx, {
        orgId,
        action: 'member.create',
        actor,
        resourceType: 'Member',
        resourceId: row.id,
        summary: { role: input.role, source: 'manual' },
      });
      return { memberId: row.id, inviteSecret };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'Someone with this email is already on the team', 'email');
    }
    throw error;
  }
}
