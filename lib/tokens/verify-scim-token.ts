import 'server-only';
import { sql } from 'drizzle-orm';
import type { ScimScope } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { rateHitStatement, rateOutcome, type RateLimitOutcome, type RateLimitRule } from '@/lib/rate-limit/rate-limit';
import { sha256Hex } from '@/lib/secrets';
import { TOKEN_PREFIX } from './scopes';

export type VerifiedToken = { id: string; orgId: string; name: string; scopes: ScimScope[] };

export type TokenCheck =
  | { ok: true; token: VerifiedToken; rate?: RateLimitOutcome }
  /** Known token that may not be used: its org is known, so the refusal can be logged there. */
  | { ok: false; reason: 'revoked' | 'expired'; token: VerifiedToken }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' };

/** Count this use against the token's request limit in the same statement (`key` gets the id). */
export type TokenRateCount = { rule: RateLimitRule; keyPrefix: string; keySuffix: string };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Looks a bearer token up by the SHA-256 of the presented secret through a unique index, and
 * optionally counts the request against its rate limit in the same round trip. Comparing hashes
 * of a 256-bit random secret leaks nothing useful through timing.
 */
export async function verifyScimToken(db: DbOrTx, authorization: string | null, rate?: TokenRateCount, now = new Date()): Promise<TokenCheck> {
  if (!authorization) return { ok: false, reason: 'missing' };
  const secret = BEARER.exec(authorization)?.[1];
  if (!secret || !secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return { ok: false, reason: 'malformed' };
  const hash = sha256Hex(secret);
  const rows = await db.execute(
    rate
      ? sql`with t as (select id, org_id, name, scopes, revoked_at, expires_at from scim_tokens where token_hash = ${hash}),
          hit as (${rateHitStatement(sql`select ${rate.keyPrefix} || t.id::text || ${rate.keySuffix} from t where t.revoked_at is null`, rate.rule)})
          select t.*, hit.count as rate_count, hit.remaining as rate_remaining from t left join hit on true`
      : sql`select id, org_id, name, scopes, revoked_at, expires_at from scim_tokens where token_hash = ${hash} limit 1`,
  );
  const row = resultRows(rows)[0];
  if (!row) return { ok: false, reason: 'unknown' };
  const token: VerifiedToken = { id: String(row.id), orgId: String(row.org_id), name: String(row.name), scopes: parseScopes(row.scopes) };
  if (row.revoked_at) return { ok: false, reason: 'revoked', token };
  if (row.expires_at && new Date(row.expires_at as string) <= now) return { ok: false, reason: 'expired', token };
  const counted = rate && row.rate_count != null ? rateOutcome({ count: row.rate_count, remaining: row.rate_remaining }, rate.rule) : undefined;
  return { ok: true, token, ...(counted ? { rate: counted } : {}) };
}

/** text[] arrives as an array from both drivers; '{a,b}' is handled too. */
function parseScopes(value: unknown): ScimScope[] {
  if (Array.isArray(value)) return value as ScimScope[];
  return String(value ?? '').replace(/^\{|\}$/g, '').split(',').filter(Boolean) as ScimScope[];
}
