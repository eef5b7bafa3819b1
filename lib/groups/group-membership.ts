import { isUuid } from '@/lib/uuid';

import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { resultRows } from '@/db/result-rows';

/** Ids that can be members at all; the rest (nested group ids, garbage) are reported, not stored. */
export function splitMemberIds(ids: string[]): { uuids: string[]; invalid: string[] } {
  const uuids = new Set<string>();
  const invalid: string[] = [];
  for (const id of ids) {
    if (isUuid(id)) uuids.add(id.toLowerCase());
    else invalid.push(id);
  }
  return { uuids: [...uuids], invalid };
}

// Each function below is one set-based statement on the join table, whatever the group's size:
// adding 5,000 members to a group of 100,000 never reads the 100,000 (DESIGN.md, "group").
// The id list travels as ONE array parameter, not one parameter per id.

/**
 * Adds the members among `memberIds` that belong to this org; present ones are left alone.
 * Returns the ids that are not members of the org (e.g. nested group ids) so they can be noted.
 */
export async function addGroupMembers(tx: Tx, orgId: string, groupId: string, memberIds: string[]): Promise<{ added: number; unknown: string[] }> {
  const { uuids, invalid } = splitMemberIds(memberIds);
  if (uuids.length === 0) return { added: 0, unknown: invalid };
  const rows = await tx.execute(sql`
    with wanted as (select distinct unnest(${toPgArray(uuids)}::uuid[]) as id),
    -- FOR KEY SHARE: a person deleted while this runs is skipped (reported unknown) instead of
    -- failing the whole PATCH on the foreign key (npm run soak: 1 such 500 in 137,416 requests).
    known as (select m.id from members m join wanted w on w.id = m.id where m.org_id = ${orgId}::uuid for key share of m),
    ins as (
      insert into group_members (org_id, group_id, member_id)
      select ${orgId}::uuid, ${groupId}::uuid, id from known
      on conflict do nothing
      returning member_id
    )
    select (select count(*) from ins)::int as added,
           coalesce((select array_agg(w.id::text) from wanted w where w.id not in (select id from known)), '{}') as unknown`);
  const [row] = resultRows(rows) as { added: number; unknown: string[] | string }[];
  return { added: row?.added ?? 0, unknown: [...invalid, ...parsePgTextArray(row?.unknown)] };
}

/** Removes only the listed members; absent ones are not an error. */
export async function removeGroupMembers(tx: Tx, orgId: string, groupId: string, memberIds: string[]): Promise<number> {
  const { uuids } = splitMemberIds(memberIds);
  if (uuids.length === 0) return 0;
  const rows = await tx.execute(sql`
    delete from group_members
    where org_id = ${orgId} and group_id = ${groupId} and member_id = any(${toPgArray(uuids)}::uuid[])
    returning member_id`);
  return resultRows(rows).length;
}

export async function removeAllGroupMembers(tx: Tx, orgId: string, groupId: string): Promise<void> {
  await tx.execute(sql`delete from group_members where org_id = ${orgId} and group_id = ${groupId}`);
}

/** Makes the membership exactly `memberIds` (those that are members of the org). */
export async function replaceGroupMembers(tx: Tx, orgId: string, groupId: string, memberIds: string[]): Promise<{ unknown: string[] }> {
  const { uuids } = splitMemberIds(memberIds);
  await tx.execute(sql`
    delete from group_members
    where org_id = ${orgId} and group_id = ${groupId} and not (member_id = any(${toPgArray(uuids)}::uuid[]))`);
  const { unknown } = await addGroupMembers(tx, orgId, groupId, memberIds);
  return { unknown };
}

/** A uuid[] literal passed as a single text parameter: both drivers send it as-is. */
function toPgArray(uuids: string[]): string {
  return `{${uuids.join(',')}}`;
}

/** postgres.js returns the rows themselves; PGlite returns { rows }. */
/** A text[] comes back as an array from postgres.js and PGlite alike; '{a,b}' is handled too. */
function parsePgTextArray(value: string[] | string | undefined): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === '{}') return [];
  return value.slice(1, -1).split(',');
}
