import type { DbOrTx } from '@/db/client';
import { hitRateLimit, peekRateLimit } from '@/lib/rate-limit/rate-limit';
import { rateLimitRules } from '@/lib/rate-limit/rules';

const keys = (email: string, ip: string | null) => ({
  email: `signin-fail:email:${email.toLowerCase()}`,
  ip: `signin-fail:ip:${ip ?? 'unknown'}`,
});

/** Whether this email and address may try a password now; checked before the password is. */
export async function signInAllowed(db: DbOrTx, email: string, ip: string | null): Promise<boolean> {
  const k = keys(email, ip);
  const [byEmail, byIp] = await Promise.all([
    peekRateLimit(db, k.email, rateLimitRules.signInFailurePerEmail),
    peekRateLimit(db, k.ip, rateLimitRules.signInFailurePerIp),
  ]);
  return byEmail.count < rateLimitRules.signInFailurePerEmail.limit && byIp.count < rateLimitRules.signInFailurePerIp.limit;
}

export async function recordSignInFailure(db: DbOrTx, email: string, ip: string | null): Promise<void> {
  const k = keys(email, ip);
  await Promise.all([hitRateLimit(db, k.email, rateLimitRules.signInFailurePerEmail), hitRateLimit(db, k.ip, rateLimitRules.signInFailurePerIp)]);
}
