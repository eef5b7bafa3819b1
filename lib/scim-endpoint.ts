import 'server-only';
import { getDbHandle } from '@/lib/database';
import { getEnv } from '@/lib/env';
import { handleScimRequest } from '@/lib/scim/handler';
import { forgetScimToken, TOKEN_REVOKED_CHANNEL } from '@/lib/tokens/token-cache';

/**
 * The SCIM API's public base URL: from APP_URL/AUTH_URL when configured; in development only,
 * from the request itself (production never trusts a Host header for URLs it hands out).
 */
export function scimBaseUrl(requestUrl?: string): string {
  const env = getEnv();
  const configured = env.APP_URL ?? env.AUTH_URL;
  const origin = configured ? new URL(configured).origin : requestUrl && env.NODE_ENV !== 'production' ? new URL(requestUrl).origin : 'http://localhost:3000';
  return `${origin}/api/scim/v2`;
}

// Tokens verified in the last second are trusted from memory (lib/tokens/token-cache.ts): a
// revocation made through another instance must reach this one's cache at once. A handle that
// cannot LISTEN (a transaction pooler without DATABASE_DIRECT_URL, said at start) relies on the
// cache's one-second bound instead.
const globalForRevocations = globalThis as unknown as { rosterTokenRevocations?: Promise<unknown> };

function listenForRevocations(): void {
  globalForRevocations.rosterTokenRevocations ??= getDbHandle()
    .then((handle) => handle.listen?.(TOKEN_REVOKED_CHANNEL, forgetScimToken))
    .catch((error: unknown) => {
      globalForRevocations.rosterTokenRevocations = undefined;
      console.error(`[scim] could not listen for token revocations: ${error instanceof Error ? error.message : 'unknown error'}`);
    });
}

/** The route handler for every SCIM verb: wires the app's database and URL into lib/scim. */
export async function scimRouteHandler(request: Request): Promise<Response> {
  listenForRevocations();
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return handleScimRequest(request, {
    db: (await getDbHandle()).db,
    baseUrl: scimBaseUrl(request.url),
    clientIp: forwarded || request.headers.get('x-real-ip'),
    tokenRatePerMinute: getEnv().SCIM_TOKEN_RATE_LIMIT_PER_MINUTE,
  });
}
