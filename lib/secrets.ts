import crypto from 'node:crypto';

/** 32 random bytes, base64url, behind a recognisable prefix (so secret scanners can find leaks). */
export function generateSecret(prefix: string): string {
  return `${prefix}${crypto.randomBytes(32).toString('base64url')}`;
}

/** What is stored instead of a secret. High-entropy secrets need no slow hash. */
export function sha256Hex(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}
