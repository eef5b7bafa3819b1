import { and, eq } from 'drizzle-orm';
import { members, organizations, ssoConnections } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/**
 * The org names whose "Require SSO" shuts this account's password out: when every active
 * membership is a non-owner one in such an org, a password sign-in would open nothing, so it is
 * refused with a message pointing to SSO. (With a mix, the guard refuses those orgs per request.)
 */
export async function ssoRequiredFor(db: DbOrTx, accountId: string): Promise<string[] | null> {
  const rows = await db
    .select({ orgName: organizations.name, role: members.role, requireSso: ssoConnections.requireSso })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.orgId))
    .leftJoin(ssoConnections, eq(ssoConnections.orgId, members.orgId))
    .where(and(eq(members.accountId, accountId), eq(members.status, 'active')));
  if (rows.length === 0) return null;
  const shut = rows.filter((r) => r.requireSso && r.role !== 'owner');
  return shut.length === rows.length ? shut.map((r) => r.orgName) : null;
}
