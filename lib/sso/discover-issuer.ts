import 'server-only';
import * as oidc from 'openid-client';
import { AppError } from '@/lib/errors';
import { oauthErrorCode } from './oauth-error-code';

/**
 * http is accepted only for an issuer on this machine (a test IdP, or a local IdP in front of
 * Roster); anything else must be https, as OIDC Discovery §4 requires. SECURITY.md says why.
 */
export function isLoopbackIssuer(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function parseIssuerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('bad_request', 'Enter the issuer as a full URL, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0', 'issuer');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackIssuer(url))) {
    throw new AppError('bad_request', 'The issuer URL must start with https:// (http is accepted only for an IdP on this machine)', 'issuer');
  }
  if (url.search || url.hash) throw new AppError('bad_request', 'The issuer URL has no query or fragment (OIDC Discovery §2)', 'issuer');
  return url;
}

function describeDiscoveryFailure(error: unknown, discoveryUrl: string): string {
  const code = oauthErrorCode(error);
  const cause = (error as { cause?: { expected?: unknown; body?: { issuer?: unknown }; status?: unknown } }).cause;
  if (code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') {
    const named = typeof cause?.body?.issuer === 'string' ? ` ("${cause.body.issuer}")` : '';
    return `The discovery document at ${discoveryUrl} names another issuer${named}: enter exactly the issuer your IdP shows`;
  }
  if (code === 'OAUTH_RESPONSE_IS_NOT_JSON' || code === 'OAUTH_PARSE_ERROR')
    return `${discoveryUrl} did not answer with a JSON discovery document: check the issuer URL`;
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
    const status = typeof cause?.status === 'number' ? ` HTTP ${cause.status}` : ' with an error';
    return `${discoveryUrl} answered${status}, not a discovery document: check the issuer URL`;
  }
  if (code === 'OAUTH_INVALID_RESPONSE' || code === 'OAUTH_MISSING_SERVER_METADATA' || code === 'OAUTH_INVALID_SERVER_METADATA') {
    return `The discovery document at ${discoveryUrl} is incomplete (${(error as Error).message}): check the issuer URL`;
  }
  const reason = (cause as { code?: unknown } | undefined)?.code ?? (error as Error).message;
  return `Could not reach ${discoveryUrl}: the IdP did not answer (${String(reason)})`;
}

/**
 * Fetches and checks the issuer's discovery document (OIDC Discovery §4: its "issuer" must equal
 * the URL it was fetched for) and returns a client configuration for it. Expected failures are
 * AppErrors on the "issuer" field with a sentence the owner can act on.
 */
export async function discoverIssuer(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
  const url = parseIssuerUrl(issuer);
  const discoveryUrl = `${url.href.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const options: oidc.DiscoveryRequestOptions = { timeout: 8, ...(url.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}) };
  // client_secret_basic unless the IdP lists only client_secret_post (RFC 6749 §2.3.1 makes
  // Basic the one every server must support; oidc-provider, Okta and JumpCloud default to it).
  try {
    const config = await oidc.discovery(url, clientId, undefined, oidc.ClientSecretBasic(clientSecret), options);
    const methods = config.serverMetadata().token_endpoint_auth_methods_supported;
    if (methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')) {
      return await oidc.discovery(url, clientId, undefined, oidc.ClientSecretPost(clientSecret), options);
    }
    return config;
  } catch (error) {
    throw new AppError('bad_request', describeDiscoveryFailure(error, discoveryUrl), 'issuer');
  }
}
