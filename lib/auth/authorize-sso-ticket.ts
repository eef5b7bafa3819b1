import { eq } from 'drizzle-orm';
import { accounts } from '@/db/schema';
import { getDb } from '@/lib/database';
import { consumeSignInTicket } from '@/lib/sso/sign-in-ticket';

export type SsoAuthorizedAccount = { id: string; email: string; name: string; method: 'sso'; ssoOrgId: string };

/**
 * The Auth.js side of an SSO sign-in: Roster's own OIDC callback verified the ID token and linked
 * the member, then made a one-time ticket (60 s, hashed) that this provider redeems for a session.
 * The credentials endpoint is public, so the ticket is the only thing it trusts.
 */
export async function authorizeSsoTicket(raw: Partial<Record<string, unknown>>): Promise<SsoAuthorizedAccount | null> {
  const ticket = typeof raw.ticket === 'string' ? raw.ticket : '';
  if (!ticket) return null;
  const db = await getDb();
  const redeemed = await consumeSignInTicket(db, ticket);
  if (!redeemed) return null;
  const [account] = await db
    .select({ id: accounts.id, email: accounts.email, name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, redeemed.accountId))
    .limit(1);
  return account ? { ...account, method: 'sso', ssoOrgId: redeemed.orgId } : null;
}
