import { and, eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/** Whether a member still exists and is active: an open live stream asks before each event. */
export async function isMemberActive(db: DbOrTx, orgId: string, memberId: string): Promise<boolean> {
  const [row] = await db
    .select({ status: members.status })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
    .limit(1);
  return row?.status === 'active';
}
