import { and, asc, eq } from 'drizzle-orm';
import { members, organizations, type MemberRole } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

export type AccountOrgDto = { slug: string; name: string; role: MemberRole };

/** The orgs an account can open (active memberships only), for the org switcher. */
export async function findAccountOrgs(db: DbOrTx, accountId: string): Promise<AccountOrgDto[]> {
  return db
    .select({ slug: organizations.slug, name: organizations.name, role: members.role })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.orgId))
    .where(and(eq(members.accountId, accountId), eq(members.status, 'active')))
    .orderBy(asc(organizations.name));
}
