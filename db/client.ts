import 'server-only';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getEnv } from '@/lib/env';
import { runDbCloseHooks } from './close-hooks';
import { acquireDataDirLock } from './data-dir-lock';
import { migrateDatabase } from './migrate';
import * as schema from './schema';

type Schema = typeof schema;
/** One type for both drivers: domain code never knows which database it talks to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a database or an open transaction: reads accept both. */
export type DbOrTx = Db | Tx;

export type DbHandle = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** LISTEN on a channel (postgres.js keeps one dedicated connection for all of them). */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
};

export type CreateDbOptions =
  /** A PostgreSQL URL (postgres.js). */
  | { url: string; poolSize?: number }
  /** A PGlite directory, or 'memory://' for tests. Directories are locked to this process. */
  | { dataDir: string };

export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if ('url' in options) {
    // A short connect timeout: while PostgreSQL is down or restarting, a request must fail fast
    // (SCIM 503 + Retry-After) instead of waiting 30 s for a connection (npm run test:faults).
    // postgres.js waits before reconnecting after a failed connect, and its default backoff grows
    // with every failure to 20 s (src/index.js `backoff`): during an outage a query then waited
    // out the SCIM deadline (10 s) before even trying. A refused connection is immediate, so
    // retry at once, at most 250 ms apart (issue 14; npm run test:faults -- --only outage).
    const client = postgres(options.url, { max: options.poolSize ?? 10, connect_timeout: 3, backoff: reconnectBackoff, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    await migrateDatabase({ url: options.url });
    return {
      db,
      driver: 'postgres',
      listen: async (channel, onPayload) => {
        const { unlisten } = await client.listen(channel, onPayload);
        return unlisten;
      },
      close: async () => {
        await runDbCloseHooks(db);
        await client.end({ timeout: 5 });
      },
    };
  }
  const inMemory = options.dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : acquireDataDirLock(options.dataDir);
  try {
    const client = new PGlite(inMemory ? options.dataDir : path.join(options.dataDir, 'pglite'));
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    await migrateDatabase({ pglite: client });
    return {
      db,
      driver: 'pglite',
      listen: async (channel, onPayload) => client.listen(channel, onPayload),
      close: async () => {
        await runDbCloseHooks(db);
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Seconds before reconnecting after the n-th failed connect in a row. */
const reconnectBackoff = (failures: number) => Math.min(0.05 * failures, 0.25);

/** The app's database: postgres.js when DATABASE_URL is set, PGlite in ROSTER_DATA_DIR otherwise. */
export function dbOptionsFromEnv(): CreateDbOptions {
  const env = getEnv();
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.ROSTER_DATA_DIR };
}

// One instance per process, kept on globalThis: without it every dev hot reload opened
// another PGlite (~190 MB each) and would trip our own data-dir lock (../shared/STACK.md).
const globalForDb = globalThis as unknown as { rosterDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  globalForDb.rosterDb ??= createDb(dbOptionsFromEnv()).catch((error: unknown) => {
    globalForDb.rosterDb = undefined;
    throw error;
  });
  return globalForDb.rosterDb;
}

export function getDb(): Promise<Db> {
  return getDbHandle().then((handle) => handle.db);
}
