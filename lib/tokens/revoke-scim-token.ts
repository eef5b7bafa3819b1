import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { scimTokens } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors';

/** Revokes at once: the next SCIM request with this token gets a 401. */
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
  });
}
