import { and, eq, sql } from 'drizzle-orm';
import { members, memberSsoLinks, type Member, type SsoConnection } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { IDToken } from 'openid-client';
import { refusal, type SsoRefusal } from './sso-refusal';

export type SsoMatch = { member: Member; linked: boolean; claimValue: string | undefined };

/** The claim's value as text, when the token carries it as a string. */
export function claimValue(claims: IDToken, claim: string): string | undefined {
  const value = (claims as Record<string, unknown>)[claim];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Who a verified ID token is in this org. First the link (iss + sub, OIDC Core §2: the pair is
 * the stable identity), then, for a first sign-in only, the configured claim against what SCIM
 * stored: userName and email case-insensitively (RFC 7643 §4.1.1 userName is caseExact=false),
 * externalId exactly. An email claim the IdP marks unverified (email_verified: false) is never used.
 */
export async function findMemberForSso(tx: DbOrTx, connection: SsoConnection, issuer: string, claims: IDToken): Promise<SsoMatch | SsoRefusal> {
  const [linked] = await tx
    .select({ member: members })
    .from(memberSsoLinks)
    .innerJoin(members, and(eq(members.orgId, memberSsoLinks.orgId), eq(members.id, memberSsoLinks.memberId)))
    .where(and(eq(memberSsoLinks.orgId, connection.orgId), eq(memberSsoLinks.issuer, issuer), eq(memberSsoLinks.subject, claims.sub)))
    .limit(1);
  const value = claimValue(claims, connection.claim);
  if (linked) return { member: linked.member, linked: true, claimValue: value };
  if (!value) return refusal('claim_missing', `The ID token has no "${connection.claim}" claim`);
  if (connection.claim === 'email' && claims.email_verified === false)
    return refusal('claim_missing', 'The IdP marks this email as unverified (email_verified: false)');
  const where =
    connection.matchAttribute === 'externalId'
      ? eq(members.externalId, value)
      : connection.matchAttribute === 'email'
        ? sql`lower(${members.email}) = lower(${value})`
        : sql`lower(${members.userName}) = lower(${value})`;
  const [member] = await tx
    .select()
    .from(members)
    .where(and(eq(members.orgId, connection.orgId), where))
    .limit(2);
  if (!member) return refusal('not_provisioned', `No member has ${connection.matchAttribute} = "${value}"`);
  const [otherLink] = await tx
    .select({ subject: memberSsoLinks.subject })
    .from(memberSsoLinks)
    .where(and(eq(memberSsoLinks.orgId, connection.orgId), eq(memberSsoLinks.memberId, member.id)))
    .limit(1);
  if (otherLink) return refusal('claim_mismatch', `"${value}" matches a member already linked to another identity at the IdP`);
  return { member, linked: false, claimValue: value };
}
