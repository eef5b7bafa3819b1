import { sql } from 'drizzle-orm';
import type { MemberRole } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { resultRows } from '@/db/result-rows';

/** Where a member's effective role comes from, for the team page ("Admin via Platform-Leads"). */
export type RoleSource = {
  role: MemberRole;
  via: 'group' | 'hand' | 'default' | 'none';
  /** e.g. "via Platform-Leads", "granted by hand", "default for provisioned people". */
  label: string;
  /** The mapped group giving the role, when via = 'group'. */
  group?: string;
};

/**
 * One query for a page of members: each one's role, role granted by hand, and the mapped group
 * (alphabetically first) giving the highest mapped role. A mapped group is named first: while
 * it exists, the directory holds the role whatever was granted by hand.
 */
export async function findRoleSources(db: DbOrTx, orgId: string, memberIds: string[]): Promise<Map<string, RoleSource>> {
  const sources = new Map<string, RoleSource>();
  if (memberIds.length === 0) return sources;
  const rows = resultRows(
    await db.execute(sql`
      select m.id, m.role, m.granted_role, m.source, coalesce(p.default_role, 'member') as default_role,
        (select g.display_name from group_members gm
           join role_mappings rm on rm.org_id = gm.org_id and rm.group_id = gm.group_id
           join groups g on g.org_id = gm.org_id and g.id = gm.group_id
         where gm.org_id = m.org_id and gm.member_id = m.id and rm.role = m.role
         order by lower(g.display_name) limit 1) as mapped_group
      from members m
      left join directory_policies p on p.org_id = m.org_id
      where m.org_id = ${orgId}::uuid and m.id = any(${`{${memberIds.join(',')}}`}::uuid[])`),
  );
  for (const row of rows) {
    const role = row.role as MemberRole;
    const group = row.mapped_group as string | null;
    let source: RoleSource;
    if (group) source = { role, via: 'group', label: `via ${group}`, group };
    else if (row.granted_role === role && role !== 'member') source = { role, via: 'hand', label: 'granted by hand' };
    else if (row.source === 'scim' && row.default_role === role && role !== 'member')
      source = { role, via: 'default', label: 'default for provisioned people' };
    else source = { role, via: role === row.granted_role ? 'hand' : 'none', label: '' };
    sources.set(String(row.id), source);
  }
  return sources;
}
