import { inject } from 'vitest';
import { createDb, type DbHandle } from '@/db/client';

/**
 * The drivers every data test runs on: PGlite in memory always, PostgreSQL when
 * TEST_DATABASE_URL is set. Use with `describe.each(testDrivers())`.
 */
export function testDrivers(): { driver: 'pglite' | 'postgres'; open: () => Promise<DbHandle> }[] {
  const drivers: { driver: 'pglite' | 'postgres'; open: () => Promise<DbHandle> }[] = [
    { driver: 'pglite', open: () => createDb({ dataDir: 'memory://' }) },
  ];
  const url = inject('postgresTestUrl');
  if (url) drivers.push({ driver: 'postgres', open: () => createDb({ url, poolSize: 5 }) });
  return drivers;
}
