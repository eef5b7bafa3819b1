import 'server-only';
import { scimTokens, type ScimScope } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { generateSecret, sha256Hex } from '@/lib/secrets';
import { TOKEN_PREFIX, VISIBLE_PREFIX_LENGTH } from './scopes';

export type CreateScimTokenInput = { name: string; scopes: ScimScope[]; expiresInDays?: number | null };
export type CreatedScimToken = { id: string; secret: string; prefix: string; expiresAt: Date | null };

/**
 * A new SCIM bearer token. The secret is returned once, here, and only its SHA-256 is stored;
 * the audit row names the token, never its secret.
 */
export async function createScimToken(db: Db, orgId: string, input: CreateScimTokenInput, actor: AuditActor): Promise<CreatedScimToken> {
  const secret = generateSecret(TOKEN_PREFIX);
  const prefix = secret.slice(0, VISIBLE_PREFIX_LENGTH);
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(scimTokens)
      .values({
        orgId,
        name: input.name,
        scopes: input.scopes,
        tokenHash: sha256Hex(secret),
        prefix,
        createdByAccountId: actor.type === 'account' ? actor.id : null,
        expiresAt,
      })
      .returning({ id: scimTokens.id });
    if (!row) throw new Error('insert returned no row');
    await recordAuditEvent(tx, {
      orgId,
      action: 'token.create',
      actor,
      resourceType: 'ScimToken',
      resourceId: row.id,
      summary: { name: input.name, scopes: input.scopes, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: row.id, secret, prefix, expiresAt };
  });
}
