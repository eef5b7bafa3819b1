import 'server-only';
import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';

/**
 * The deployment's public URL, for links shown to people (invite links, the SCIM endpoint).
 * APP_URL (or AUTH_URL) when configured. Only in development, or behind a proxy declared trusted
 * with AUTH_TRUST_HOST, does it fall back to the request's Host header, which an attacker could
 * otherwise set to make Roster print their URL.
 */
export async function getEnvAppUrl(): Promise<string> {
  const env = getEnv();
  const configured = env.APP_URL ?? env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  const trusted = env.AUTH_TRUST_HOST === 'true' || env.AUTH_TRUST_HOST === '1';
  if (env.NODE_ENV === 'production' && !trusted) return 'http://localhost:3000';
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}
