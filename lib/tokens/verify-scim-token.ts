import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { scimTokens, type ScimScope } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { prepareOnce } from '@/db/prepare-once';
import { sha256Hex } from '@/lib/secrets';
import { TOKEN_PREFIX } from './scopes';
import { cachedScimToken, rememberScimToken } from './token-cache';

export type VerifiedToken = { id: string; orgId: string; name: string; scopes: ScimScope[] };

export type TokenCheck =
  | { ok: true; token: VerifiedToken }
  /** Known token that may not be used: its org is known, so the refusal can be logged there. */
  | { ok: false; reason: 'revoked' | 'expired'; token: VerifiedToken }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

// Every SCIM request not answered from the token cache runs this: a named prepared statement
// built once (db/prepare-once.ts), like the hot reads in lib/scim/operations/prepared-reads.ts.
const tokenByHash = prepareOnce((db: DbOrTx) =>
  db
    .select({
      id: scimTokens.id,
      orgId: scimTokens.orgId,
      name: scimTokens.name,
      scopes: scimTokens.scopes,
      revokedAt: scimTokens.revokedAt,
      expiresAt: scimTokens.expiresAt,
    })
    .from(scimTokens)
    .where(eq(scimTokens.tokenHash, sql.placeholder('hash')))
    .limit(1)
    .prepare('scim_token_by_hash'),
);

/**
 * Looks a bearer token up by the SHA-256 of the presented secret through a unique index (or in
 * the one-second cache of tokens verified just before). Comparing hashes of a 256-bit random
 * secret leaks nothing useful through timing.
 */
export async function verifyScimToken(db: DbOrTx, authorization: string | null, now = new Date()): Promise<TokenCheck> {
  if (!authorization) return { ok: false, reason: 'missing' };
  const secret = BEARER.exec(authorization)?.[1];
  if (!secret || !secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return { ok: false, reason: 'malformed' };
  const hash = sha256Hex(secret);
  const cached = cachedScimToken(hash, now.getTime());
  if (cached) return { ok: true, token: cached };
  const [row] = await tokenByHash(db).execute({ hash });
  if (!row) return { ok: false, reason: 'unknown' };
  const token: VerifiedToken = { id: row.id, orgId: row.orgId, name: row.name, scopes: row.scopes };
  if (row.revokedAt) return { ok: false, reason: 'revoked', token };
  const expiresAt = row.expiresAt;
  if (expiresAt && expiresAt <= now) return { ok: false, reason: 'expired', token };
  rememberScimToken(hash, token, expiresAt, now.getTime());
  return { ok: true, token };
}
