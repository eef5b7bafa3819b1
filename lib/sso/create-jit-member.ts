import type { IDToken } from 'openid-client';
import { members, type Member, type SsoConnection } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { notifyTeamChanged } from '@/lib/live/team-change-channel';
import { claimValue } from './find-member-for-sso';

/**
 * Just-in-time: when the owner turned it on, someone the IdP let through but the directory never
 * provisioned becomes a member with the org's JIT role, inside the sign-in's transaction. The
 * matched claim becomes the attribute it is matched against, so the next sign-in finds the same
 * member even before the link does. An email the IdP marks unverified is not stored.
 */
export async function createJitMember(tx: DbOrTx, connection: SsoConnection, claims: IDToken, value: string): Promise<Member> {
  const email = claims.email_verified === false ? undefined : claimValue(claims, 'email');
  const userName = connection.matchAttribute === 'externalId' ? (email ?? claimValue(claims, 'preferred_username') ?? value) : value;
  const [row] = await tx
    .insert(members)
    .values({
      orgId: connection.orgId,
      role: connection.jitRole,
      source: 'manual',
      userName,
      email: connection.matchAttribute === 'email' ? value : (email ?? null),
      emails: email ? [{ value: email, type: 'work', primary: true }] : [],
      displayName: claimValue(claims, 'name') ?? null,
      externalId: connection.matchAttribute === 'externalId' ? value : null,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await notifyTeamChanged(tx, connection.orgId);
  await recordAuditEvent(tx, {
    orgId: connection.orgId,
    action: 'member.create',
    actor: { type: 'system', label: 'single sign-on (just-in-time)' },
    resourceType: 'Member',
    resourceId: row.id,
    summary: { role: row.role, source: 'sso-jit' },
  });
  return row;
}
