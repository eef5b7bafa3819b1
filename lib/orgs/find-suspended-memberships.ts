import { and, asc, eq, inArray } from 'drizzle-orm';
import { members, organizations } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

export type SuspendedMembershipDto = { orgId: string; orgName: string; owners: { name: string; email: string | null }[] };

/**
 * Orgs where the directory suspended this account's member, with whom to ask (the active
 * owners): a suspended person is told why they cannot get in, not "you are on no team" (issue 13).
 */
export async function findSuspendedMemberships(db: DbOrTx, where: { accountId: string } | { orgId: string }): Promise<SuspendedMembershipDto[]> {
  const orgs =
    'accountId' in where
      ? await db
          .select({ orgId: organizations.id, orgName: organizations.name })
          .from(members)
          .innerJoin(organizations, eq(organizations.id, members.orgId))
          .where(and(eq(members.accountId, where.accountId), eq(members.status, 'suspended')))
          .orderBy(asc(organizations.name))
      : await db.select({ orgId: organizations.id, orgName: organizations.name }).from(organizations).where(eq(organizations.id, where.orgId));
  if (orgs.length === 0) return [];
  const owners = await db
    .select({ orgId: members.orgId, displayName: members.displayName, userName: members.userName, email: members.email })
    .from(members)
    .where(
      and(
        inArray(
          members.orgId,
          orgs.map((o) => o.orgId),
        ),
        eq(members.role, 'owner'),
        eq(members.status, 'active'),
      ),
    )
    .orderBy(asc(members.userName))
    .limit(50);
  return orgs.map((o) => ({
    ...o,
    owners: owners.filter((w) => w.orgId === o.orgId).map((w) => ({ name: w.displayName ?? w.userName, email: w.email })),
  }));
}
