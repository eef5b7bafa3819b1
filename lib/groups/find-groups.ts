import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { groupMembers, groups } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

export const GROUPS_PAGE_SIZE = 50;

export type GroupRowDto = { id: string; displayName: string; externalId: string | null; memberCount: number; updatedAt: string };

/**
 * A page of the org's groups with their member counts. Counting reads only the join table's
 * primary-key index for the 50 groups on the page, so a 100,000-member group stays cheap.
 */
export async function findGroups(db: DbOrTx, orgId: string, query: { q?: string; page: number }) {
  const conditions: SQL[] = [eq(groups.orgId, orgId)];
  if (query.q) conditions.push(ilike(groups.displayName, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...conditions);
  const [totals] = await db.select({ n: count() }).from(groups).where(where);
  const total = totals?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / GROUPS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select()
    .from(groups)
    .where(where)
    .orderBy(asc(sql`lower(${groups.displayName})`), asc(groups.id))
    .limit(GROUPS_PAGE_SIZE)
    .offset((page - 1) * GROUPS_PAGE_SIZE);
  const ids = rows.map((r) => r.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({ groupId: groupMembers.groupId, n: count() })
          .from(groupMembers)
          .where(and(eq(groupMembers.orgId, orgId), sql`${groupMembers.groupId} = any(${`{${ids.join(',')}}`}::uuid[])`))
          .groupBy(groupMembers.groupId);
  const countOf = new Map(counts.map((c) => [c.groupId, c.n]));
  const dtos: GroupRowDto[] = rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    externalId: r.externalId,
    memberCount: countOf.get(r.id) ?? 0,
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { rows: dtos, total, page, pageCount };
}
