import 'server-only';
import { eq } from 'drizzle-orm';
import { ssoConnections } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors';
import type { SsoConnectionForm } from '@/lib/validation/sso';
import { discoverIssuer } from './discover-issuer';
import { findSsoConnection } from './find-sso-connection';
import { open, seal } from './secret-box';

/**
 * Saves an org's OIDC settings after the issuer's discovery document was fetched and checked
 * (outside the transaction: a network call must not hold a database connection). Nothing is
 * written when the check fails. A changed issuer, client or secret clears the last test result:
 * it no longer says anything about these settings.
 */
export async function saveSsoConnection(db: Db, orgId: string, input: SsoConnectionForm, actor: AuditActor): Promise<void> {
  const existing = await findSsoConnection(db, orgId);
  let secret = input.clientSecret;
  if (!secret) {
    if (!existing) throw new AppError('bad_request', 'Paste the client secret from your IdP', 'clientSecret');
    const stored = open(existing.clientSecretEncrypted, 'sso-client-secret');
    if (stored === null)
      throw new AppError('bad_request', 'The stored client secret can no longer be read (AUTH_SECRET changed): paste it again', 'clientSecret');
    secret = stored;
  }
  const config = await discoverIssuer(input.issuer, input.clientId, secret);
  const issuer = config.serverMetadata().issuer;
  const credentialsChanged = !existing || existing.issuer !== issuer || existing.clientId !== input.clientId || Boolean(input.clientSecret);
  const values = {
    idp: input.idp,
    issuer,
    clientId: input.clientId,
    clientSecretEncrypted: input.clientSecret ? seal(input.clientSecret, 'sso-client-secret') : (existing?.clientSecretEncrypted ?? ''),
    claim: input.claim,
    matchAttribute: input.matchAttribute,
    requireSso: input.requireSso,
    jitEnabled: input.jitEnabled,
    jitRole: input.jitRole,
    updatedAt: new Date(),
    ...(credentialsChanged ? { testedAt: null, testOk: null, testMessage: null } : {}),
  };
  await db.transaction(async (tx) => {
    if (existing) await tx.update(ssoConnections).set(values).where(eq(ssoConnections.orgId, orgId));
    else await tx.insert(ssoConnections).values({ orgId, ...values });
    await recordAuditEvent(tx, {
      orgId,
      action: 'sso.config.update',
      actor,
      resourceType: 'SsoConnection',
      resourceId: orgId,
      // Names and settings only: the client secret is neither here nor in any log.
      summary: {
        idp: input.idp,
        issuer,
        clientId: input.clientId,
        claim: input.claim,
        matchAttribute: input.matchAttribute,
        requireSso: input.requireSso,
        jitEnabled: input.jitEnabled,
        jitRole: input.jitRole,
        newClientKey: Boolean(input.clientSecret),
        created: !existing,
      },
    });
  });
}
