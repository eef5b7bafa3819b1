import { sql } from 'drizzle-orm';
import type { MemberRole } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { resultRows } from '@/db/result-rows';

export type CreatePlan = {
  /** The role a newly provisioned person starts with. */
  defaultRole: MemberRole;
  /** A hand-added member of this org the create adopts instead of a 409; null: insert. */
  adoptId: string | null;
};

/**
 * What a SCIM create will do, in one round trip: the org's default role, and — when adoption is
 * on — the member not yet managed by SCIM whose userName or work email matches (case-insensitive,
 * this org only; a userName match wins over an email match). Both lookups use the
 * (org_id, lower(...)) indexes.
 */
export async function planScimCreate(db: DbOrTx, orgId: string, userName: string, email: string | null): Promise<CreatePlan> {
  const rows = resultRows(
    await db.execute(sql`
      select coalesce(p.default_role, 'member') as default_role,
        case when coalesce(p.adoption_enabled, true) then (
          select m.id from members m
          where m.org_id = ${orgId}::uuid and m.source <> 'scim'
            and (lower(m.user_name) = lower(${userName}) or (${email}::text is not null and lower(m.email) = lower(${email}::text)))
          order by (lower(m.user_name) = lower(${userName})) desc, m.created_at
          limit 1
        ) end as adopt_id
      from (select 1) one
      left join directory_policies p on p.org_id = ${orgId}::uuid`),
  );
  const row = rows[0];
  return { defaultRole: (row?.default_role as MemberRole | undefined) ?? 'member', adoptId: (row?.adopt_id as string | null | undefined) ?? null };
}
