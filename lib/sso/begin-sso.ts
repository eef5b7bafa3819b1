import 'server-only';
import * as oidc from 'openid-client';
import type { DbOrTx } from '@/db/client';
import { AppError } from '@/lib/errors';
import { clientForConnection } from './client-for-connection';
import { findSsoConnectionBySlug } from './find-sso-connection';
import { FLOW_TTL_SECONDS, sealFlowState, type FlowState } from './flow-state';
import { ssoRedirectUri } from './redirect-uri';

/**
 * The authorization request (OIDC Core §3.1.2.1): code flow with PKCE S256 (RFC 7636), a fresh
 * state and nonce. Returns where to send the browser and the sealed flow cookie to set.
 */
export async function beginSso(
  db: DbOrTx,
  slug: string,
  mode: FlowState['mode'],
  accountId?: string,
): Promise<{ authorizationUrl: string; flowCookie: string }> {
  const connection = await findSsoConnectionBySlug(db, slug);
  if (!connection) throw new AppError('not_found', 'This organization does not use single sign-on');
  const config = await clientForConnection(connection);
  const flow: FlowState = {
    orgId: connection.orgId,
    slug: connection.orgSlug,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    mode,
    ...(accountId ? { accountId } : {}),
    expiresAt: Date.now() + FLOW_TTL_SECONDS * 1000,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: await ssoRedirectUri(connection.orgSlug),
    scope: 'openid email profile',
    response_type: 'code',
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    ...(mode === 'test' ? { prompt: 'login' } : {}),
  });
  return { authorizationUrl: url.href, flowCookie: sealFlowState(flow) };
}
