import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { resultRows } from '@/db/result-rows';

/** Inserts `count` SCIM members in one statement and returns their ids (for membership tests). */
export async function seedMembers(db: Db, orgId: string, count: number, prefix = 'user'): Promise<string[]> {
  const result = await db.execute(sql`
    insert into members (org_id, user_name, email, source)
    select ${orgId}::uuid, ${prefix} || '-' || g || '@example.test', ${prefix} || '-' || g || '@example.test', 'scim'
    from generate_series(1, ${count}::int) g
    returning id`);
  return resultRows(result).map((r) => String(r.id));
}
