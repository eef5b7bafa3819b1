import 'server-only';
import { sql } from 'drizzle-orm';
import type { ScimScope } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { resultRows } from '@/db/result-rows';
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
  const rows = await db.execute(sql`select id, org_id, name, scopes, revoked_at, expires_at from scim_tokens where token_hash = ${hash} limit 1`);
  const row = resultRows(rows)[0];
  if (!row) return { ok: false, reason: 'unknown' };
  const token: VerifiedToken = { id: String(row.id), orgId: String(row.org_id), name: String(row.name), scopes: parseScopes(row.scopes) };
  if (row.revoked_at) return { ok: false, reason: 'revoked', token };
  const expiresAt = row.expires_at ? new Date(row.expires_at as string) : null;
  if (expiresAt && expiresAt <= now) return { ok: false, reason: 'expired', token };
  rememberScimToken(hash, token, expiresAt, now.getTime());
  return { ok: true, token };
}

/** text[] arrives as an array from both drivers; '{a,b}' is handled too. */
function parseScopes(value: unknown): ScimScope[] {
  if (Array.isArray(value)) return value as ScimScope[];
  return String(value ?? '')
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean) as ScimScope[];
}
