import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';

/**
 * AUTH_SECRET, or in development a random one generated once and kept under the data dir, so
 * `npm run dev` works with no environment and sessions survive restarts. Production never
 * generates one: instrumentation.ts refuses to start without it.
 */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET is not set: Roster refuses to run in production without it.');
  }
  const file = path.join(env.ROSTER_DATA_DIR, 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(env.ROSTER_DATA_DIR, { recursive: true });
    const secret = crypto.randomBytes(33).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
