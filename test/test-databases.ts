import { inject } from 'vitest';
import { createDb, type DbHandle } from '@/db/client';
import { expectAuditSummariesFitTheirSchemas } from './audit-summaries-fit';
import { expectNoSecretInAuditRows } from './secrets-in-audit';

/** Rows older than this file's start (less clock slack) belong to other files of the run. */
const fileStartedAt = new Date(Date.now() - 5_000);

/**
 * Before a test database closes, its audit rows written during this file are searched for every
 * secret the file created (test/no-secret-leaks.setup.ts), and their summaries are parsed with
 * their action's schema (test/audit-summaries-fit.ts); a hit fails the file after closing.
 */
async function openScanned(open: () => Promise<DbHandle>): Promise<DbHandle> {
  const handle = await open();
  let scanned = false;
  const close = async () => {
    let leak: Error | undefined;
    if (!scanned) {
      scanned = true;
      // A database a test already broke cannot be read: that is the test's business, not a leak.
      leak = await expectNoSecretInAuditRows(handle.db, fileStartedAt).then(
        () => undefined,
        (error: unknown) => (error instanceof Error && error.message.startsWith('A secret') ? error : undefined),
      );
      leak ??= await expectAuditSummariesFitTheirSchemas(handle.db, fileStartedAt).then(
        () => undefined,
        (error: unknown) => (error instanceof Error && error.message.startsWith('An audit summary') ? error : undefined),
      );
    }
    await handle.close();
    if (leak) throw leak;
  };
  return { ...handle, close };
}

export type TestDriver = { driver: 'pglite' | 'postgres' | 'pgbouncer'; open: () => Promise<DbHandle> };

/**
 * The drivers every data test runs on: PGlite in memory always, PostgreSQL when
 * TEST_DATABASE_URL is set. Use with `describe.each(testDrivers())`.
 *
 * `pooled`: the SCIM suites that exercise writes also run through PgBouncer in transaction mode
 * when TEST_POOLER_URL is set (.ci/run starts one): the same database, reached only through the
 * pooler with DATABASE_POOLER=transaction and no direct URL, so the data is created through it
 * too (issue 17: a transaction pooler once turned 55 of 228 checks into silent wrong answers).
 */
export function testDrivers(options: { pooled?: boolean } = {}): TestDriver[] {
  const drivers: TestDriver[] = [{ driver: 'pglite', open: () => openScanned(() => createDb({ dataDir: 'memory://' })) }];
  const url = inject('postgresTestUrl');
  if (url) drivers.push({ driver: 'postgres', open: () => openScanned(() => createDb({ url, poolSize: 5 })) });
  const pooled = inject('poolerTestUrl');
  if (options.pooled && pooled)
    drivers.push({ driver: 'pgbouncer', open: () => openScanned(() => createDb({ url: pooled, poolSize: 5, pooler: 'transaction' })) });
  return drivers;
}

/**
 * The drivers on which two transactions can run at once, for tests that hold a lock from one
 * connection while another waits: PostgreSQL, directly and through the pooler (PGlite runs one
 * statement at a time).
 */
export function concurrentDrivers(): TestDriver[] {
  return testDrivers({ pooled: true }).filter((d) => d.driver !== 'pglite');
}

/** The handle's LISTEN: every handle a test opens with a session has one (a pooled one has none). */
export function listenOn(handle: DbHandle): NonNullable<DbHandle['listen']> {
  if (!handle.listen) throw new Error(`this ${handle.driver} handle cannot LISTEN (a transaction pooler without a direct URL)`);
  return handle.listen;
}
