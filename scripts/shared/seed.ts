import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { resultRows } from '@/db/result-rows';

const bulkName = (prefix: string) => sql`${prefix} || '-' || lpad(g::text, 6, '0') || '@bench.example'`;

/**
 * Inserts SCIM members `prefix-<from>` … `prefix-<to>` in one statement (seeding is not what is
 * measured), then VACUUM ANALYZE: autovacuum would have run within a minute of such an insert
 * (planner statistics, visibility map for index-only scans), and a real directory is not minutes old.
 */
export async function seedUsers(db: Db, orgId: string, prefix: string, from: number, to: number): Promise<void> {
  if (to < from) return;
  await db.execute(sql`
    insert into members (org_id, user_name, email, emails, given_name, family_name, display_name, external_id, source)
    select ${orgId}::uuid, ${bulkName(prefix)}, ${bulkName(prefix)},
           jsonb_build_array(jsonb_build_object('value', ${bulkName(prefix)}, 'type', 'work', 'primary', true)),
           'Bulk', 'User ' || g, 'Bulk User ' || g, ${prefix} || '-ext-' || g, 'scim'
    from generate_series(${from}::int, ${to}::int) g`);
  await db.execute(sql`vacuum analyze members`);
}

/** A group holding every member whose userName starts with `prefix-`. Returns its id. */
export async function seedGroup(db: Db, orgId: string, displayName: string, prefix: string): Promise<string> {
  const [group] = resultRows(await db.execute(sql`insert into groups (org_id, display_name) values (${orgId}::uuid, ${displayName}) returning id`));
  const groupId = String(group?.id);
  await db.execute(sql`
    insert into group_members (org_id, group_id, member_id)
    select ${orgId}::uuid, ${groupId}::uuid, id from members where org_id = ${orgId}::uuid and user_name like ${`${prefix}-%`}`);
  await db.execute(sql`vacuum analyze group_members`);
  return groupId;
}

/** Ids and userNames of the members named `prefix-…`, in name order. */
export async function memberIds(db: Db, orgId: string, prefix: string): Promise<{ ids: string[]; userNames: string[] }> {
  const rows = resultRows(
    await db.execute(sql`
    select id, user_name from members where org_id = ${orgId}::uuid and user_name like ${`${prefix}-%`} order by user_name`),
  );
  return { ids: rows.map((r) => String(r.id)), userNames: rows.map((r) => String(r.user_name)) };
}
