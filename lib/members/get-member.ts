import { and, eq } from 'drizzle-orm';
import { members, type Member } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/** A member of this org by id; another org's id is simply not found. */
export async function getMember(db: DbOrTx, orgId: string, memberId: string, options: { forUpdate?: boolean } = {}): Promise<Member | null> {
  const query = db
    .select()
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}
