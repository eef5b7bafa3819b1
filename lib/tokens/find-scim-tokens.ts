import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { accounts, scimTokens } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { displayIp } from '@/lib/display-ip';
import { scopeDescriptions } from './scopes';

/** Entra quarantines a provisioning job whose token expires; warn this long before. */
export const EXPIRY_WARNING_DAYS = 14;

/** What the token list shows: never the hash, never the Drizzle row (docs/architecture.md pattern 8). */
export type ScimTokenDto = {
  id: string;
  name: string;
  scopes: { value: string; label: string }[];
  /** The visible start of the secret ("rst_Ab12"); the rest is never stored. */
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  firstUsedAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  lastUsedIdp: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
  /** Active and expiring within EXPIRY_WARNING_DAYS. */
  expiresSoon: boolean;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The org's tokens, usable ones first, newest first. Several may be active at once (rotation);
 * first use shows when a new one took over. Orgs hold a handful, so no pagination.
 */
export async function findScimTokens(db: DbOrTx, orgId: string, now: Date = new Date()): Promise<ScimTokenDto[]> {
  const rows = await db
    .select({
      id: scimTokens.id,
      name: scimTokens.name,
      scopes: scimTokens.scopes,
      prefix: scimTokens.prefix,
      createdAt: scimTokens.createdAt,
      firstUsedAt: scimTokens.firstUsedAt,
      lastUsedAt: scimTokens.lastUsedAt,
      lastUsedIp: scimTokens.lastUsedIp,
      lastUsedIdp: scimTokens.lastUsedIdp,
      expiresAt: scimTokens.expiresAt,
      revokedAt: scimTokens.revokedAt,
      creatorName: accounts.name,
      creatorEmail: accounts.email,
    })
    .from(scimTokens)
    .leftJoin(accounts, eq(accounts.id, scimTokens.createdByAccountId))
    .where(eq(scimTokens.orgId, orgId))
    .orderBy(asc(sql`${scimTokens.revokedAt} is not null`), desc(scimTokens.createdAt), desc(scimTokens.id))
    .limit(200);
  const warnBefore = now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000;
  return rows.map((row) => {
    const expired = row.expiresAt !== null && row.expiresAt <= now;
    const state = row.revokedAt ? 'revoked' : expired ? 'expired' : 'active';
    return {
      id: row.id,
      name: row.name,
      scopes: row.scopes.map((value) => ({ value, label: scopeDescriptions[value]?.label ?? value })),
      prefix: row.prefix,
      createdBy: row.creatorName ? `${row.creatorName} (${row.creatorEmail})` : null,
      createdAt: row.createdAt.toISOString(),
      firstUsedAt: iso(row.firstUsedAt),
      lastUsedAt: iso(row.lastUsedAt),
      lastUsedIp: row.lastUsedIp ? displayIp(row.lastUsedIp) : null,
      lastUsedIdp: row.lastUsedIdp,
      expiresAt: iso(row.expiresAt),
      revokedAt: iso(row.revokedAt),
      state,
      expiresSoon: state === 'active' && row.expiresAt !== null && row.expiresAt.getTime() <= warnBefore,
    };
  });
}
