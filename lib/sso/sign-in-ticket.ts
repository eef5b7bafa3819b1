import { and, eq, gt, lt } from 'drizzle-orm';
import { ssoSignInTickets } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { generateSecret, sha256Hex } from '@/lib/secrets';

const TICKET_TTL_MS = 60_000;

/** Made by the OIDC callback after it verified and linked someone; only the hash is stored. */
export async function createSignInTicket(tx: DbOrTx, accountId: string, orgId: string): Promise<string> {
  const ticket = generateSecret('rss_');
  await tx.delete(ssoSignInTickets).where(lt(ssoSignInTickets.expiresAt, new Date()));
  await tx.insert(ssoSignInTickets).values({ ticketHash: sha256Hex(ticket), accountId, orgId, expiresAt: new Date(Date.now() + TICKET_TTL_MS) });
  return ticket;
}

/** Once only: the row is deleted as it is read, so a second use (or a guess) finds nothing. */
export async function consumeSignInTicket(db: DbOrTx, ticket: string): Promise<{ accountId: string; orgId: string } | null> {
  if (!ticket.startsWith('rss_')) return null;
  const [row] = await db
    .delete(ssoSignInTickets)
    .where(and(eq(ssoSignInTickets.ticketHash, sha256Hex(ticket)), gt(ssoSignInTickets.expiresAt, new Date())))
    .returning({ accountId: ssoSignInTickets.accountId, orgId: ssoSignInTickets.orgId });
  return row ?? null;
}
