import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createDb } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { seedOrg } from '@/test/seed';
import { findByUserName, readGroup, readUser } from './prepared-reads';

const url = inject('postgresTestUrl');

/** Named statements left on the handle's only connection after the prepared reads ran. */
async function statementsLeft(pooler: 'transaction' | undefined): Promise<number> {
  const handle = await createDb({ url: url ?? '', poolSize: 1, pooler });
  try {
    const org = await seedOrg(handle.db, 'prepared');
    for (let i = 0; i < 2; i++) {
      await findByUserName(handle.db, org.orgId, org.email);
      await readUser(handle.db, org.orgId, crypto.randomUUID());
      await readGroup(handle.db, org.orgId, crypto.randomUUID());
    }
    return Number(resultRows(await handle.db.execute(sql`select count(*) as n from pg_prepared_statements`))[0]?.n);
  } finally {
    await handle.close();
  }
}

describe.runIf(url)('the prepared reads and a transaction pooler', () => {
  it('leave named statements on the server connection by default (what a pooler would cross)', async () => {
    expect(await statementsLeft(undefined)).toBeGreaterThan(0);
  });

  it('leave none in pooler mode: their names are dropped, every statement is unnamed', async () => {
    expect(await statementsLeft('transaction')).toBe(0);
  });
});
