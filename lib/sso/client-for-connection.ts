import 'server-only';
import type * as oidc from 'openid-client';
import type { SsoConnection } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { discoverIssuer } from './discover-issuer';
import { open } from './secret-box';

/** An openid-client configuration for a saved connection, its secret decrypted in memory only. */
export async function clientForConnection(connection: SsoConnection): Promise<oidc.Configuration> {
  const secret = open(connection.clientSecretEncrypted, 'sso-client-secret');
  if (secret === null) throw new AppError('bad_request', 'The stored client secret can no longer be read (AUTH_SECRET changed): an owner must paste it again');
  return discoverIssuer(connection.issuer, connection.clientId, secret);
}
