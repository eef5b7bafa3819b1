import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
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
  // Unnamed statements: the URL may be a transaction-mode pooler (DATABASE_POOLER).
  const client = postgres(target.url, { max: 1, prepare: false, onnotice: () => {} });
  try {
    await applyMigrations(client);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * drizzle-orm's PostgreSQL migrator (pg-core/dialect.ts `migrate`: same table, same hashes, same
 * "newer than the last applied" rule), run in ONE transaction under a transaction-scoped advisory
 * lock. A session lock (pg_advisory_lock, then unlock) taken through a transaction-mode pooler is
 * taken on one server connection and "released" on another: it stays held by a pooled connection
 * and every later start waits for it forever. The transaction's lock goes with its commit.
 */
async function applyMigrations(client: postgres.Sql): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  await client.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    await tx`create schema if not exists drizzle`;
    await tx`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`;
    const [last] = await tx`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`;
    for (const migration of migrations) {
      if (last && Number(last.created_at) >= migration.folderMillis) continue;
      for (const statement of migration.sql) await tx.unsafe(statement);
      await tx`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`;
    }
  });
}
