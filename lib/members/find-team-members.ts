import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { TeamQuery, TeamSort } from '@/lib/validation/member';
import { findGroupNamesForMembers } from '@/lib/groups/find-group-names-for-members';
import { findRoleSources } from '@/lib/policy/find-role-sources';
import type { MemberRowDto } from './member-row-dto';

export const TEAM_PAGE_SIZE = 50;

export type TeamPage = { rows: MemberRowDto[]; total: number; page: number; pageCount: number };

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// The name the page shows, in SQL, so sorting by name sorts what the reader sees.
const shownName = sql`lower(coalesce(
  ${members.displayName},
  nullif(trim(coalesce(${members.givenName}, '') || ' ' || coalesce(${members.familyName}, '')), ''),
  ${members.userName}))`;

/** Each sort ends on the id, so pages never overlap or skip a row that ties. */
const orderings: Record<TeamSort, SQL[]> = {
  newest: [desc(members.createdAt), desc(members.id)],
  oldest: [asc(members.createdAt), asc(members.id)],
  name: [asc(shownName), asc(members.id)],
  changed: [desc(members.updatedAt), desc(members.id)],
};

/** One page of the team, filtered in SQL; the count runs under the same WHERE. */
export async function findTeamMembers(db: DbOrTx, orgId: string, query: Omit<TeamQuery, 'sort'> & { sort?: TeamSort }): Promise<TeamPage> {
  const conditions: SQL[] = [eq(members.orgId, orgId)];
  if (query.status) conditions.push(eq(members.status, query.status));
  if (query.source) conditions.push(eq(members.source, query.source));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    const match = or(
      ilike(members.displayName, pattern),
      ilike(members.userName, pattern),
      ilike(members.email, pattern),
      ilike(sql`coalesce(${members.givenName}, '') || ' ' || coalesce(${members.familyName}, '')`, pattern),
    );
    if (match) conditions.push(match);
  }
  const where = and(...conditions);
  const [totals] = await db.select({ total: count() }).from(members).where(where);
  const total = totals?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / TEAM_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select()
    .from(members)
    .where(where)
    .orderBy(...orderings[query.sort ?? 'newest'])
    .limit(TEAM_PAGE_SIZE)
    .offset((page - 1) * TEAM_PAGE_SIZE);
  const groupNames = await findGroupNamesForMembers(
    db,
    orgId,
    rows.map((m) => m.id),
  );
  const roleSources = await findRoleSources(
    db,
    orgId,
    rows.map((m) => m.id),
  );
  return {
    total,
    page,
    pageCount,
    rows: rows.map((m) => ({
      id: m.id,
      name: m.displayName ?? ([m.givenName, m.familyName].filter(Boolean).join(' ') || m.userName),
      email: m.email,
      userName: m.userName,
      role: m.role,
      status: m.status,
      source: m.source,
      hasAccount: m.accountId !== null,
      invitePending: m.inviteTokenHash !== null,
      createdAt: m.createdAt.toISOString(),
      updatedAt: m.updatedAt.toISOString(),
      groups: groupNames.get(m.id) ?? [],
      roleFrom: roleSources.get(m.id)?.label ?? '',
      roleFromDirectory: roleSources.get(m.id)?.via === 'group',
    })),
  };
}
