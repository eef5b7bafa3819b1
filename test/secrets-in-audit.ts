import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { flushScimCallLog } from '@/lib/scim/call-log/call-log-batch';
import { describeSecret, registeredSecrets } from './secret-registry';

/**
 * The registered secrets found in audit rows written since `since` (every column, as text: the
 * summary, actor label, resource id…). One statement; only rows of the current run are read.
 * Reads' sync-log rows leave in batches (lib/scim/call-log): the pending ones are written first.
 */
export async function secretsInAuditRows(db: Db, since: Date): Promise<string[]> {
  await flushScimCallLog(db);
  const secrets = [...registeredSecrets().keys()];
  if (secrets.length === 0) return [];
  const list = sql.join(
    secrets.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = resultRows(
    await db.execute(sql`
    select distinct s.secret from audit_events t cross join unnest(array[${list}]::text[]) as s(secret)
    where t.occurred_at >= ${since.toISOString()}::timestamptz and strpos(t::text, s.secret) > 0`),
  );
  return rows.map((r) => String(r.secret));
}

/** Throws, naming each leaked secret's kind and first characters only. */
export async function expectNoSecretInAuditRows(db: Db, since: Date): Promise<void> {
  const found = await secretsInAuditRows(db, since);
  if (found.length > 0) throw new Error(`A secret reached an audit row (issue 6: never in an audit row): ${found.map(describeSecret).join(', ')}`);
}
