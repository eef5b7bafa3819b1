import type { DbOrTx } from '@/db/client';
import { findMemberForSso } from './find-member-for-sso';
import type { VerifiedSso } from './finish-sso';

/**
 * What a successful test sign-in proved, in the owner's words: the IdP round trip works, and
 * whether the identity used would link to a member (read only: a test links nobody).
 */
export async function describeTestSignIn(db: DbOrTx, verified: VerifiedSso): Promise<string> {
  const { connection, issuer, claims } = verified;
  const match = await findMemberForSso(db, connection, issuer, claims);
  const who = `Signed in at the IdP as sub "${claims.sub}"`;
  if ('ok' in match)
    return `${who}. The ID token verified. ${match.message}: people provisioned over SCIM with that ${connection.matchAttribute} will be able to sign in.`;
  return `${who}. The ID token verified, and ${connection.claim} "${match.claimValue ?? ''}" matches ${match.member.userName} on the team.`;
}
