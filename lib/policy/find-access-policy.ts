import { sql } from 'drizzle-orm';
import type { MemberRole } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { getDirectoryPolicy, type DirectoryPolicyDto } from './directory-policy';

/** What the Security page shows of the access policy (DTOs only, STYLE pattern 8). */
export type AccessPolicyDto = {
  policy: DirectoryPolicyDto;
  mappings: { groupId: string; groupName: string; role: MemberRole; members: number }[];
  /** The org's groups an owner can map, by name (at most 500). */
  groups: { id: string; name: string }[];
  /** The latest SCIM request the last-owner rule refused in the last 7 days. */
  lastOwnerRefusal: { occurredAt: string; method: string; path: string } | null;
};

export async function findAccessPolicy(db: DbOrTx, orgId: string): Promise<AccessPolicyDto> {
  const [policy, mappings, groups, refusals] = await Promise.all([
    getDirectoryPolicy(db, orgId),
    db.execute(sql`
      select rm.group_id, g.display_name, rm.role,
        (select count(*) from group_members gm where gm.org_id = rm.org_id and gm.group_id = rm.group_id)::int as members
      from role_mappings rm join groups g on g.org_id = rm.org_id and g.id = rm.group_id
      where rm.org_id = ${orgId}::uuid
      order by array_position(array['owner','admin','member'], rm.role), lower(g.display_name)`),
    db.execute(sql`select id, display_name from groups where org_id = ${orgId}::uuid order by lower(display_name) limit 500`),
    db.execute(sql`
      select occurred_at, summary->>'method' as method, summary->>'path' as path from audit_events
      where org_id = ${orgId}::uuid and occurred_at > now() - interval '7 days' and status = 409 and summary->>'policy' = 'last-owner'
      order by occurred_at desc limit 1`),
  ]);
  const refusal = resultRows(refusals)[0];
  return {
    policy,
    mappings: resultRows(mappings).map((r) => ({
      groupId: String(r.group_id),
      groupName: String(r.display_name),
      role: r.role as MemberRole,
      members: Number(r.members),
    })),
    groups: resultRows(groups).map((r) => ({ id: String(r.id), name: String(r.display_name) })),
    lastOwnerRefusal: refusal
      ? { occurredAt: new Date(refusal.occurred_at as string).toISOString(), method: String(refusal.method ?? ''), path: String(refusal.path ?? '') }
      : null,
  };
}
