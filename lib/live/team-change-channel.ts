import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/** The PostgreSQL channel that carries "this org's team changed", with the org id as payload. */
export const TEAM_CHANNEL = 'roster_team_changed';

/**
 * NOTIFY is transactional: sent inside the change's transaction, it is delivered at commit and
 * never for a rolled-back change. Every instance LISTENing on the same PostgreSQL hears it.
 */
export async function notifyTeamChanged(tx: DbOrTx, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${TEAM_CHANNEL}, ${orgId})`);
}
