import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { scimTokens } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

// Recording every request would make all of one IdP's concurrent requests queue on the same
// token row; a minute's precision is what the token list shows anyway.
const PRECISION_SECONDS = 30;

/** Updates last used (time, IP, IdP), and first used once, at most every 30 s per token. */
export async function recordTokenUse(tx: DbOrTx, token: { orgId: string; id: string }, use: { ip: string | null; idp: string }): Promise<void> {
  await tx
    .update(scimTokens)
    .set({
      lastUsedAt: sql`now()`,
      firstUsedAt: sql`coalesce(${scimTokens.firstUsedAt}, now())`,
      lastUsedIp: use.ip,
      lastUsedIdp: use.idp,
    })
    .where(
      and(
        eq(scimTokens.orgId, token.orgId),
        eq(scimTokens.id, token.id),
        or(isNull(scimTokens.lastUsedAt), lt(scimTokens.lastUsedAt, sql`now() - make_interval(secs => ${PRECISION_SECONDS})`)),
      ),
    );
}
