import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { scimTokens } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors';
import { forgetScimToken, TOKEN_REVOKED_CHANNEL } from './token-cache';

/**
 * Revokes at once: the next SCIM request with this token gets a 401, on this instance (its
 * cache entry is dropped) and on every other (they hear TOKEN_REVOKED_CHANNEL at the commit).
 */
export async function revokeScimToken(db: Db, orgId: string, tokenId: string, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(scimTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(scimTokens.orgId, orgId), eq(scimTokens.id, tokenId), isNull(scimTokens.revokedAt)))
      .returning({ id: scimTokens.id, name: scimTokens.name, prefix: scimTokens.prefix });
    if (!row) throw new AppError('not_found', 'That token does not exist or is already revoked');
    await recordAuditEvent(tx, {
      orgId,
      action: 'token.revoke',
      actor,
      resourceType: 'ScimToken',
      resourceId: row.id,
      summary: { name: row.name, prefix: row.prefix },
    });
    await tx.execute(sql`select pg_notify(${TOKEN_REVOKED_CHANNEL}, ${row.id})`);
  });
  forgetScimToken(tokenId);
}
