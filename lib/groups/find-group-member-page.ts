import { and, asc, count, eq, gt } from 'drizzle-orm';
import { groupMembers, groups, members } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

export const GROUP_MEMBERS_PAGE_SIZE = 100;

export type GroupMemberDto = { id: string; name: string; email: string | null; status: 'active' | 'suspended' };

/**
 * One group and a page of its members, by keyset on member id (groups can hold 100,000 members:
 * no OFFSET scans). `after` is the last member id of the previous page.
 */
export async function findGroupMemberPage(db: DbOrTx, orgId: string, groupId: string, after?: string) {
  const [group] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.orgId, orgId), eq(groups.id, groupId)))
    .limit(1);
  if (!group) return null;
  const [total] = await db
    .select({ n: count() })
    .from(groupMembers)
    .where(and(eq(groupMembers.orgId, orgId), eq(groupMembers.groupId, groupId)));
  const rows = await db
    .select({ id: members.id, displayName: members.displayName, userName: members.userName, email: members.email, status: members.status })
    .from(groupMembers)
    .innerJoin(members, and(eq(members.orgId, groupMembers.orgId), eq(members.id, groupMembers.memberId)))
    .where(and(eq(groupMembers.orgId, orgId), eq(groupMembers.groupId, groupId), after ? gt(groupMembers.memberId, after) : undefined))
    .orderBy(asc(groupMembers.memberId))
    .limit(GROUP_MEMBERS_PAGE_SIZE + 1);
  const page = rows.slice(0, GROUP_MEMBERS_PAGE_SIZE);
  return {
    group: { id: group.id, displayName: group.displayName, externalId: group.externalId },
    total: total?.n ?? 0,
    members: page.map((m): GroupMemberDto => ({ id: m.id, name: m.displayName ?? m.userName, email: m.email, status: m.status })),
    nextAfter: rows.length > GROUP_MEMBERS_PAGE_SIZE ? page.at(-1)?.id : undefined,
  };
}
