import type { Db } from '@/db/client';
import { hitRateLimit, type RateLimitOutcome } from '@/lib/rate-limit/rate-limit';
import { rateLimitRules } from '@/lib/rate-limit/rules';
import { ScimError } from './errors';

function tooMany(detail: string, retryAfterSeconds: number): ScimError {
  // An integer Retry-After: Okta waits that long and retries.
  return new ScimError(429, undefined, detail, { 'Retry-After': String(retryAfterSeconds) });
}

/**
 * Counts a failed bearer attempt; past the limit the caller answers 429 instead of 401, so
 * guessing tokens from one address (or against one org) slows to a crawl.
 */
export async function countAuthFailure(db: Db, clientIp: string | null | undefined, orgId: string | undefined): Promise<ScimError | null> {
  const checks = [hitRateLimit(db, `scim-auth-fail:ip:${clientIp ?? 'unknown'}`, rateLimitRules.scimAuthFailurePerIp)];
  if (orgId) checks.push(hitRateLimit(db, `scim-auth-fail:org:${orgId}`, rateLimitRules.scimAuthFailurePerOrg));
  const outcomes = await Promise.all(checks);
  const blocked = outcomes.find((o) => !o.allowed);
  return blocked ? tooMany('Too many failed authentication attempts; retry later', blocked.retryAfterSeconds) : null;
}

export function assertWithinTokenRate(outcome: RateLimitOutcome | undefined, perMinute: number | undefined): void {
  if (outcome && !outcome.allowed) throw tooMany(`This token is over its limit of ${perMinute} requests a minute`, outcome.retryAfterSeconds);
}
