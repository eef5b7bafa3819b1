import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Any fixed number: all instances starting at once serialise on it instead of racing
// to create the same tables.
const MIGRATION_LOCK_KEY = 7_301_955;

/** Applies the committed drizzle-kit migrations with whichever driver is in use. */
export async function migrateDatabase(target: { url: string } | { pglite: PGlite }): Promise<void> {
  if ('pglite' in target) {
    await migratePglite(drizzlePglite({ client: target.pglite }), { migrationsFolder });
    return;
  }
  const client = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
