import { inject } from 'vitest';
import { createDb, type DbHandle } from '@/db/client';
import { expectNoSecretInAuditRows } from './secrets-in-audit';

/** Rows older than this file's start (less clock slack) belong to other files of the run. */
const fileStartedAt = new Date(Date.now() - 5_000);

/**
 * Before a test database closes, its audit rows written during this file are searched for every
 * secret the file created (test/no-secret-leaks.setup.ts); a hit fails the file after closing.
 */
async function openScanned(open: () => Promise<DbHandle>): Promise<DbHandle> {
  const handle = await open();
  let scanned = false;
  const close = async () => {
    let leak: unknown;
    if (!scanned) {
      scanned = true;
      // A database a test already broke cannot be read: that is the test's business, not a leak.
      leak = await expectNoSecretInAuditRows(handle.db, fileStartedAt).then(() => undefined, (error: unknown) => (error instanceof Error && error.message.startsWith('A secret') ? error : undefined));
    }
    await handle.close();
    if (leak) throw leak;
  };
  return { ...handle, close };
}

/**
 * The drivers every data test runs on: PGlite in memory always, PostgreSQL when
 * TEST_DATABASE_URL is set. Use with `describe.each(testDrivers())`.
 */
export function testDrivers(): { driver: 'pglite' | 'postgres'; open: () => Promise<DbHandle> }[] {
  const drivers: { driver: 'pglite' | 'postgres'; open: () => Promise<DbHandle> }[] = [
    { driver: 'pglite', open: () => openScanned(() => createDb({ dataDir: 'memory://' })) },
  ];
  const url = inject('postgresTestUrl');
  if (url) drivers.push({ driver: 'postgres', open: () => openScanned(() => createDb({ url, poolSize: 5 })) });
  return drivers;
}

/**
 * The drivers on which two transactions can run at once, for tests that hold a lock from one
 * connection while another waits: PostgreSQL only (PGlite runs one statement at a time).
 */
export function concurrentDrivers(): ReturnType<typeof testDrivers> {
  return testDrivers().filter((d) => d.driver === 'postgres');
}
