import crypto from 'node:crypto';

/** 32 random bytes, base64url, behind a recognisable prefix (so secret scanners can find leaks). */
export function generateSecret(prefix: string): string {
  return `${prefix}${crypto.randomBytes(32).toString('base64url')}`;
}

/** What is stored instead of a secret. High-entropy secrets need no slow hash. */
export function sha256Hex(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Roster's own secrets by shape: a prefix (rst_ token, rsi_ invite, rss_ SSO sign-in ticket) and 43 base64url
 * characters. A client that pastes a token into the URL or a filter must not find it again in
 * the sync log, its CSV export or an error message.
 */
const SECRET_SHAPED = /\b(rs[tis]_)[A-Za-z0-9_-]{20,}/g;

export function maskSecrets(text: string): string {
  return text.replace(SECRET_SHAPED, '$1[redacted]');
}
