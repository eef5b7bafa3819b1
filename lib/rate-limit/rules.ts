import type { RateLimitRule } from './rate-limit';

/**
 * Roster's limits in one place. Failed bearer tokens are counted per client address and per
 * org (a revoked token still names its org); sign-in failures per email and per address.
 */
export const rateLimitRules = {
  scimAuthFailurePerIp: { limit: 30, windowSeconds: 60 },
  scimAuthFailurePerOrg: { limit: 120, windowSeconds: 60 },
  signInFailurePerEmail: { limit: 10, windowSeconds: 15 * 60 },
  signInFailurePerIp: { limit: 50, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

/**
 * The per-token counter is split over shards picked at random, each allowed its share: eight
 * concurrent requests of one IdP then rarely wait on the same counter row.
 */
export const TOKEN_LIMIT_SHARDS = 8;

export function tokenRateRule(perMinute: number): RateLimitRule {
  return { limit: Math.ceil(perMinute / TOKEN_LIMIT_SHARDS), windowSeconds: 60 };
}
