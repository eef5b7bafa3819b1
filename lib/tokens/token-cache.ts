import type { VerifiedToken } from './verify-scim-token';

/** Revocations are announced on this channel so every instance forgets the token at once. */
export const TOKEN_REVOKED_CHANNEL = 'roster_token_revoked';

/**
 * How long a verified token is trusted without asking the database again. An IdP sends
 * thousands of requests a minute with one token; looking it up each time was one of a
 * lookup's three round trips. Revocation clears the entry on this instance at once and on the
 * others through TOKEN_REVOKED_CHANNEL; this bound only matters if that notification is lost.
 */
export const TOKEN_CACHE_MS = 1_000;
const MAX_ENTRIES = 1_000;

type Entry = { token: VerifiedToken; expiresAt: number | null; cachedUntil: number };
// On globalThis: Next's bundle (which revokes) and the production SCIM server's bundle (which
// verifies) share one process but not this module.
const globalForCache = globalThis as unknown as { rosterTokenCache?: Map<string, Entry> };
const byHash = (globalForCache.rosterTokenCache ??= new Map<string, Entry>());

export function cachedScimToken(hash: string, nowMs: number): VerifiedToken | undefined {
  const entry = byHash.get(hash);
  if (!entry) return undefined;
  if (entry.cachedUntil <= nowMs || (entry.expiresAt !== null && entry.expiresAt <= nowMs)) {
    byHash.delete(hash);
    return undefined;
  }
  return entry.token;
}

/** Only usable tokens are kept: unknown, revoked and expired ones always go to the database. */
export function rememberScimToken(hash: string, token: VerifiedToken, expiresAt: Date | null, nowMs: number): void {
  if (byHash.size >= MAX_ENTRIES) byHash.delete(byHash.keys().next().value as string);
  byHash.set(hash, { token, expiresAt: expiresAt ? expiresAt.getTime() : null, cachedUntil: nowMs + TOKEN_CACHE_MS });
}

export function forgetScimToken(tokenId: string): void {
  for (const [hash, entry] of byHash) if (entry.token.id === tokenId) byHash.delete(hash);
}
