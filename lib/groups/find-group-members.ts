import { and, asc, eq, sql } from 'drizzle-orm';
import { groupMembers, members } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

export type GroupMemberRef = { value: string; display: string | null };

/** A group's members as SCIM references, in one query (no N+1). */
export async function findGroupMemberRefs(db: DbOrTx, orgId: string, groupIds: string[]): Promise<Map<string, GroupMemberRef[]>> {
  const byGroup = new Map<string, GroupMemberRef[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return byGroup;
  const rows = await db
    .select({ groupId: groupMembers.groupId, value: members.id, display: sql<string | null>`coalesce(${members.displayName}, ${members.userName})` })
    .from(groupMembers)
    .innerJoin(members, and(eq(members.orgId, groupMembers.orgId), eq(members.id, groupMembers.memberId)))
    .where(and(eq(groupMembers.orgId, orgId), sql`${groupMembers.groupId} = any(${`{${groupIds.join(',')}}`}::uuid[])`))
    .orderBy(asc(groupMembers.groupId), asc(groupMembers.createdAt), asc(groupMembers.memberId));
  for (const row of rows) byGroup.get(row.groupId)?.push({ value: row.value, display: row.display });
  return byGroup;
}
