import { sql, type SQL } from 'drizzle-orm';
import type { MemberRole } from '@/db/schema';
import type { Tx } from '@/db/client';
import { resultRows } from '@/db/result-rows';

/** Which members to recompute: listed ids, the members a subquery selects, or the whole org. */
export type RecomputeScope = { ids: string[] } | { select: SQL } | 'org';

// Roles ranked by array position: member 1, admin 2, owner 3 (DESIGN.md "Access policy").
const RANKED = sql.raw(`array['member','admin','owner']`);

/**
 * Sets each scoped member's effective role to the highest of the role granted by hand, the
 * org's default role (SCIM-managed people only) and the roles mapped to their groups.
 *
 * ONE statement whatever the scope's size (no per-person loop): the mapped roles are an index
 * lookup per member on group_members_org_id_member_id_idx joined to the org's few mappings.
 * Only rows whose role moves are written, and the ETag is left alone: the role is not a SCIM
 * attribute, and bumping it would answer the IdP's next If-Match with a 412.
 * Returns how many roles moved.
 */
export async function recomputeRoles(tx: Tx, orgId: string, scope: RecomputeScope): Promise<number> {
  if (typeof scope === 'object' && 'ids' in scope && scope.ids.length === 0) return 0;
  const inScope = scope === 'org' ? sql`true` : 'ids' in scope ? sql`t.id = any(${`{${scope.ids.join(',')}}`}::uuid[])` : sql`t.id in (${scope.select})`;
  const rows = await tx.execute(sql`
    with computed as (
      select t.id, (${RANKED})[greatest(
        array_position(${RANKED}, t.granted_role),
        case when t.source = 'scim' then coalesce(array_position(${RANKED}, p.default_role), 1) else 1 end,
        coalesce(mapped.rank, 1)
      )] as role
      from members t
      left join directory_policies p on p.org_id = t.org_id
      left join lateral (
        select max(array_position(${RANKED}, rm.role)) as rank
        from group_members gm
        join role_mappings rm on rm.org_id = gm.org_id and rm.group_id = gm.group_id
        where gm.org_id = t.org_id and gm.member_id = t.id
      ) mapped on true
      where t.org_id = ${orgId}::uuid and ${inScope}
    )
    update members m set role = c.role
    from computed c
    where m.org_id = ${orgId}::uuid and m.id = c.id and m.role <> c.role
    returning m.id`);
  return resultRows(rows).length;
}

/** The role a group is mapped to, or null: unmapped groups skip recomputation entirely. */
export async function mappedRoleOf(tx: Tx, orgId: string, groupId: string): Promise<MemberRole | null> {
  const rows = resultRows(await tx.execute(sql`select role from role_mappings where org_id = ${orgId}::uuid and group_id = ${groupId}::uuid`));
  return (rows[0]?.role as MemberRole | undefined) ?? null;
}

/**
 * Members who could lose a role when they leave a group: the group's current members and
 * everyone whose role is above plain member (a member cannot be demoted).
 */
export function groupAndElevated(orgId: string, groupId: string): RecomputeScope {
  return {
    select: sql`select member_id from group_members where org_id = ${orgId}::uuid and group_id = ${groupId}::uuid
                union select id from members where org_id = ${orgId}::uuid and role <> 'member'`,
  };
}
