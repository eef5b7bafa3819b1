import type { DbOrTx } from '@/db/client';
import { verifyScimToken, type VerifiedToken } from '@/lib/tokens/verify-scim-token';
import { ScimError } from './errors';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="Roster SCIM"' };

const reasons = {
  missing: 'Send the token in an Authorization: Bearer header',
  malformed: 'The Authorization header is not a Roster SCIM token (Bearer rst_…)',
  unknown: 'The token is not valid: copy it again from Settings → Security → Tokens',
  revoked: 'The token was revoked: create a new one in Settings → Security → Tokens',
  expired: 'The token has expired: create a new one in Settings → Security → Tokens',
} as const;

export type AuthOutcome =
  | { ok: true; token: VerifiedToken }
  /** `token` is set when the org is known (revoked/expired), so the refusal can be logged. */
  | { ok: false; error: ScimError; token?: VerifiedToken; reason: keyof typeof reasons | 'scope' };

/** RFC 7644 §2: 401 with a challenge without a usable token, 403 without the scope. */
export async function authenticate(db: DbOrTx, authorization: string | null): Promise<AuthOutcome> {
  const check = await verifyScimToken(db, authorization);
  if (!check.ok) {
    const error = new ScimError(401, undefined, reasons[check.reason], CHALLENGE);
    return 'token' in check ? { ok: false, error, token: check.token, reason: check.reason } : { ok: false, error, reason: check.reason };
  }
  if (!check.token.scopes.includes('scim:manage')) {
    return { ok: false, token: check.token, reason: 'scope', error: new ScimError(403, undefined, 'The token lacks the scim:manage scope') };
  }
  return { ok: true, token: check.token };
}
