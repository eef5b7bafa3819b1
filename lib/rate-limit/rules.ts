import type { RateLimitRule } from './rate-limit';

/**
 * Roster's limits in one place. Failed bearer tokens are counted per client address and per
 * org (a revoked token still names its org); sign-in failures per email and per address.
 * The per-token request limit (SCIM_TOKEN_RATE_LIMIT_PER_MINUTE) is metered in memory and
 * shared through rate_limits in batches: lib/scim/call-log/token-rate-meter.ts.
 */
export const rateLimitRules = {
  scimAuthFailurePerIp: { limit: 30, windowSeconds: 60 },
  scimAuthFailurePerOrg: { limit: 120, windowSeconds: 60 },
  signInFailurePerEmail: { limit: 10, windowSeconds: 15 * 60 },
  signInFailurePerIp: { limit: 50, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;
