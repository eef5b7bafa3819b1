import { count, eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/** How many people the org's team has: one count over the (org_id, …) index, for live updates. */
export async function countTeamMembers(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(members).where(eq(members.orgId, orgId));
  return Number(row?.total ?? 0);
}
