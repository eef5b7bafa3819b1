import { and, eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { Tx } from '@/db/client';

/**
 * Locks the org's owner rows and returns their ids. Taken before any change that could remove
 * an owner, so two owners demoting each other at once cannot leave the org with none.
 */
export async function lockActiveOwners(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.role, 'owner'), eq(members.status, 'active')))
    .for('update');
  return rows.map((r) => r.id);
}
