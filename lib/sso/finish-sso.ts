import 'server-only';
import * as oidc from 'openid-client';
import type { DbOrTx } from '@/db/client';
import { clientForConnection } from './client-for-connection';
import { findSsoConnectionBySlug, type SsoConnectionWithOrg } from './find-sso-connection';
import type { FlowState } from './flow-state';
import { ssoRedirectUri } from './redirect-uri';
import { refusal, type SsoRefusal } from './sso-refusal';
import { oauthErrorCode } from './oauth-error-code';
import { findInCauses } from '@/lib/error-cause';

export type VerifiedSso = { ok: true; connection: SsoConnectionWithOrg; issuer: string; claims: oidc.IDToken };

/** openid-client wraps oauth4webapi's error, whose message says what failed: keep the whole chain. */
function messagesOf(error: unknown): string {
  const out: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    out.push(e.message);
    e = e.cause;
  }
  return out.join(': ');
}

function claimOf(error: unknown): string | undefined {
  return findInCauses(error, ({ claim }) => (typeof claim === 'string' ? claim : undefined), 5);
}

/** One sentence per way the IdP's answer can fail verification; the library's words go to the audit. */
function explain(error: unknown): string {
  const message = messagesOf(error) || String(error);
  if (error instanceof oidc.AuthorizationResponseError)
    return `The identity provider refused the sign-in (${error.error}${error.error_description ? `: ${error.error_description}` : ''})`;
  if (error instanceof oidc.ResponseBodyError) {
    if (error.error === 'invalid_client') return 'The identity provider refused Roster’s client ID or client secret (invalid_client): an owner must check them';
    return `The identity provider refused the code exchange (${error.error})`;
  }
  // A client_secret_basic the IdP rejects comes back as 401 with a WWW-Authenticate challenge
  // (RFC 6749 §5.2: invalid_client "MUST respond with 401" when Basic auth was used).
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    return 'The identity provider refused Roster’s client ID or client secret (invalid_client): an owner must check them';
  }
  const code = oauthErrorCode(error);
  // oauth4webapi names the failed claim on an error's cause ({ claim: 'aud' | 'nonce' | … });
  // openid-client wraps that error in its own.
  const claim = claimOf(error) ?? message;
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'The ID token has expired or is not valid yet: check this server’s clock, then try again';
  if (/"nonce" .*claim missing/.test(message)) return 'The ID token has no nonce: it was not issued for this sign-in';
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' || code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') {
    if (/aud/.test(claim)) return 'The ID token was issued for another client (wrong audience)';
    if (/nonce/.test(claim)) return 'The ID token’s nonce does not match this sign-in (a replayed or foreign token)';
    if (/iss/.test(claim)) return 'The ID token was issued by another issuer';
    return `The ID token failed a check (${message})`;
  }
  if (/state/.test(message)) return 'The sign-in answer does not belong to this browser’s sign-in (state mismatch)';
  return `The identity provider’s answer could not be verified (${message})`;
}

/**
 * The callback's verification (OIDC Core §3.1.3.7): openid-client checks state, exchanges the
 * code with the PKCE verifier and client secret, and validates the ID token's signature, iss,
 * aud, exp/iat and nonce. Roster adds: a flow cookie must exist, be unexpired and be for this org.
 */
export async function finishSso(db: DbOrTx, slug: string, search: URLSearchParams, flow: FlowState | null): Promise<VerifiedSso | SsoRefusal> {
  if (!flow) return refusal('flow_expired', 'No sign-in in progress in this browser (expired, already used, or never started)');
  if (flow.slug !== slug) return refusal('wrong_org', `The callback is for "${slug}" but this browser started a sign-in for "${flow.slug}"`);
  const connection = await findSsoConnectionBySlug(db, slug);
  if (!connection || connection.orgId !== flow.orgId) return refusal('not_configured', 'Single sign-on is not set up for this organization');
  try {
    const config = await clientForConnection(connection);
    const currentUrl = new URL(await ssoRedirectUri(slug));
    for (const [k, v] of search) currentUrl.searchParams.append(k, v);
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) return refusal('idp_error', 'The identity provider sent no ID token');
    return { ok: true, connection, issuer: config.serverMetadata().issuer, claims };
  } catch (error) {
    const message = explain(error);
    return refusal('idp_error', message, messagesOf(error));
  }
}
