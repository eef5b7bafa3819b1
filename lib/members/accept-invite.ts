import { and, eq, gt } from 'drizzle-orm';
import { accounts, members, organizations } from '@/db/schema';
import type { Db, DbOrTx } from '@/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { hashPassword } from '@/lib/auth/password';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { sha256Hex } from '@/lib/secrets';

export type PendingInvite = { memberId: string; orgId: string; orgName: string; orgSlug: string; email: string };

export async function getPendingInvite(db: DbOrTx, secret: string): Promise<PendingInvite | null> {
  const [row] = await db
    .select({ memberId: members.id, orgId: members.orgId, orgName: organizations.name, orgSlug: organizations.slug, email: members.email })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.orgId))
    // A suspended member's invite stops working: the directory decides who gets in (issue 11).
    .where(and(eq(members.inviteTokenHash, sha256Hex(secret)), gt(members.inviteExpiresAt, new Date()), eq(members.status, 'active')))
    .limit(1);
  return row?.email ? { ...row, email: row.email } : null;
}

export type InviteAcceptor = { accountId: string; label: string } | { name: string; password: string };

/**
 * The invite link is the verified identity: whoever holds it becomes this member, either with
 * the account they are signed in to or with a new account for the invited email.
 */
export async function acceptInvite(db: Db, secret: string, who: InviteAcceptor): Promise<PendingInvite> {
  const passwordHash = 'password' in who ? await hashPassword(who.password) : null;
  try {
    return await db.transaction(async (tx) => {
      const invite = await getPendingInvite(tx, secret);
      if (!invite) throw new AppError('not_found', 'This invite link is invalid or has expired: ask an owner for a new one');
      let accountId: string;
      let label: string;
      if ('accountId' in who) {
        ({ accountId, label } = who);
      } else {
        const [account] = await tx.insert(accounts).values({ email: invite.email, name: who.name, passwordHash }).returning({ id: accounts.id });
        if (!account) throw new Error('insert returned no row');
        accountId = account.id;
        label = invite.email;
      }
      await tx
        .update(members)
        .set({ accountId, inviteTokenHash: null, inviteExpiresAt: null, updatedAt: new Date() })
        .where(and(eq(members.orgId, invite.orgId), eq(members.id, invite.memberId)));
      await recordAuditEvent(tx, {
        orgId: invite.orgId,
        action: 'member.invite.accept',
        actor: { type: 'account', id: accountId, label },
        resourceType: 'Member',
        resourceId: invite.memberId,
      });
      return invite;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'An account with this email already exists, or it is already on this team: sign in first, then open the link again');
    }
    throw error;
  }
}
