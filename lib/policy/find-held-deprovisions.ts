import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { resultRows } from '@/db/result-rows';

/** A held or kept deprovision, as the Security card and the team page show it. */
export type HeldDeprovisionDto = {
  memberId: string;
  name: string;
  kind: 'suspend' | 'delete';
  state: 'held' | 'kept';
  requests: number;
  firstRequestedAt: string;
};

export async function findHeldDeprovisions(db: DbOrTx, orgId: string, limit = 200): Promise<{ rows: HeldDeprovisionDto[]; held: number; kept: number }> {
  const [rows, counts] = await Promise.all([
    db.execute(sql`
      select h.member_id, coalesce(m.display_name, m.user_name) as name, h.kind, h.state, h.requests, h.first_requested_at
      from held_deprovisions h join members m on m.org_id = h.org_id and m.id = h.member_id
      where h.org_id = ${orgId}::uuid
      order by h.state, h.first_requested_at, h.member_id limit ${limit}`),
    db.execute(sql`
      select count(*) filter (where state = 'held')::int as held, count(*) filter (where state = 'kept')::int as kept
      from held_deprovisions where org_id = ${orgId}::uuid`),
  ]);
  const total = resultRows(counts)[0];
  return {
    rows: resultRows(rows).map((r) => ({
      memberId: String(r.member_id),
      name: String(r.name),
      kind: r.kind as 'suspend' | 'delete',
      state: r.state as 'held' | 'kept',
      requests: Number(r.requests),
      firstRequestedAt: new Date(r.first_requested_at as string).toISOString(),
    })),
    held: Number(total?.held ?? 0),
    kept: Number(total?.kept ?? 0),
  };
}
