import 'server-only';
import crypto from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/dev-secret';

/**
 * Authenticated encryption for what Roster must read back later: an org's OIDC client secret
 * and the short-lived sign-in state cookie. AES-256-GCM (NIST SP 800-38D) with a 96-bit random
 * IV; the key is derived from AUTH_SECRET with HKDF-SHA-256 (RFC 5869), one key per purpose, so
 * a cookie can never be decrypted as a stored secret or the reverse. Rotating AUTH_SECRET makes
 * stored client secrets unreadable: owners paste them again (README "Single sign-on").
 */
export type SecretPurpose = 'sso-client-secret' | 'sso-flow-state' | 'sso-refusal';

const VERSION = 'v1';

function keyFor(purpose: SecretPurpose): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', getAuthSecret(), 'roster', `roster ${purpose} ${VERSION}`, 32));
}

export function seal(plaintext: string, purpose: SecretPurpose): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Null when the box was not made by this deployment for this purpose, or was altered. */
export function open(sealed: string, purpose: SecretPurpose): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
