import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { IDToken } from 'openid-client';
import { accounts, members, memberSsoLinks, type SsoConnection } from '@/db/schema';
import type { Db } from '@/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { createJitMember } from './create-jit-member';
import { claimValue, findMemberForSso } from './find-member-for-sso';
import { recordSsoRefusal } from './record-sso-refusal';
import { createSignInTicket } from './sign-in-ticket';
import { refusal, type SsoRefusal } from './sso-refusal';

export type SsoSignedIn = { ok: true; ticket: string; memberId: string };

class Refused extends Error {
  constructor(
    readonly refusal: SsoRefusal,
    readonly memberId?: string,
  ) {
    super(refusal.message);
  }
}

/**
 * A verified ID token becomes a sign-in, in one transaction with its audit row: find the member
 * (findMemberForSso), refuse unless active, keep iss + sub on the link the first time, give the
 * member an account of its own if it has none (never an existing account found by email: a
 * password account with the same email gets nothing), and hand out a one-time ticket.
 * A refusal rolls everything back and is audited on its own.
 */
export async function linkSsoMember(db: Db, connection: SsoConnection, issuer: string, claims: IDToken): Promise<SsoSignedIn | SsoRefusal> {
  try {
    return await db.transaction(async (tx) => {
      let match = await findMemberForSso(tx, connection, issuer, claims);
      const value = claimValue(claims, connection.claim);
      if ('ok' in match && match.reason === 'not_provisioned' && connection.jitEnabled && value) {
        match = { member: await createJitMember(tx, connection, claims, value), linked: false, claimValue: value };
      }
      if ('ok' in match) throw new Refused(match);
      const { member } = match;
      if (member.status !== 'active') throw new Refused(refusal('suspended', `${member.userName} is ${member.status}`), member.id);
      if (!match.linked) await tx.insert(memberSsoLinks).values({ orgId: connection.orgId, memberId: member.id, issuer, subject: claims.sub });
      let accountId = member.accountId;
      const now = new Date();
      if (!accountId) {
        const name = member.displayName ?? ([member.givenName, member.familyName].filter(Boolean).join(' ') || member.userName);
        const [account] = await tx
          .insert(accounts)
          .values({ email: member.email ?? member.userName, name, passwordHash: null, lastSignInAt: now, lastSignInMethod: 'sso' })
          .returning({ id: accounts.id });
        if (!account) throw new Error('insert returned no row');
        accountId = account.id;
        await tx
          .update(members)
          .set({ accountId, updatedAt: now })
          .where(and(eq(members.orgId, connection.orgId), eq(members.id, member.id)));
      } else {
        await tx.update(accounts).set({ lastSignInAt: now, lastSignInMethod: 'sso' }).where(eq(accounts.id, accountId));
      }
      await recordAuditEvent(tx, {
        orgId: connection.orgId,
        action: 'sso.sign_in',
        actor: { type: 'account', id: accountId, label: match.claimValue ?? member.userName },
        resourceType: 'Member',
        resourceId: member.id,
        status: 200,
        summary: { firstSignIn: !match.linked, claim: connection.claim, matchAttribute: connection.matchAttribute, subject: claims.sub },
      });
      return { ok: true as const, ticket: await createSignInTicket(tx, accountId, connection.orgId), memberId: member.id };
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await recordSsoRefusal(db, connection.orgId, error.refusal, {
      subject: claims.sub,
      claimValue: (claims as Record<string, unknown>)[connection.claim] as string | undefined,
      memberId: error.memberId,
    });
    return error.refusal;
  }
}
