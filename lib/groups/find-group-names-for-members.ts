import { and, asc, eq, sql } from 'drizzle-orm';
import { groupMembers, groups } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/** Each member's group names, for one page of the team, in one query (no N+1). */
export async function findGroupNamesForMembers(db: DbOrTx, orgId: string, memberIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (memberIds.length === 0) return result;
  const rows = await db
    .select({ memberId: groupMembers.memberId, name: groups.displayName })
    .from(groupMembers)
    .innerJoin(groups, and(eq(groups.orgId, groupMembers.orgId), eq(groups.id, groupMembers.groupId)))
    .where(and(eq(groupMembers.orgId, orgId), sql`${groupMembers.memberId} = any(${`{${memberIds.join(',')}}`}::uuid[])`))
    .orderBy(asc(groups.displayName));
  for (const row of rows) result.set(row.memberId, [...(result.get(row.memberId) ?? []), row.name]);
  return result;
}
