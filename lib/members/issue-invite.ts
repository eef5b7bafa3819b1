import { and, eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors';
import { generateSecret, sha256Hex } from '@/lib/secrets';
import { INVITE_TTL_DAYS } from './add-member';

/**
 * A one-time invite link for an active member who has no account yet, SCIM-created or added by
 * hand: the way in for orgs without SSO. Issuing one replaces the previous link, which stops
 * working. The secret is returned once and stored only as its SHA-256.
 */
export async function issueInvite(db: Db, orgId: string, memberId: string, actor: AuditActor): Promise<{ inviteSecret: string }> {
  const inviteSecret = generateSecret('rsi_');
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ status: members.status, accountId: members.accountId, email: members.email, reissue: members.inviteTokenHash })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
      .for('update')
      .limit(1);
    if (!member) throw new AppError('not_found', 'This person is no longer on the team');
    if (member.status !== 'active') throw new AppError('conflict', 'This person is suspended by the directory: an invite would not let them in');
    if (member.accountId) throw new AppError('conflict', 'This person already has an account and signs in with it');
    if (!member.email) throw new AppError('bad_request', 'This person has no email: the invite needs one for their account');
    await tx
      .update(members)
      .set({ inviteTokenHash: sha256Hex(inviteSecret), inviteExpiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000) })
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)));
    await recordAuditEvent(tx, {
      orgId,
      action: 'member.invite.create',
      actor,
      resourceType: 'Member',
      resourceId: memberId,
      summary: { reissue: member.reissue !== null },
    });
    return { inviteSecret };
  });
}
