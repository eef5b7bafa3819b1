import 'server-only';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { runDbCloseHooks } from './close-hooks';
import { acquireDataDirLock } from './data-dir-lock';
import { migrateDatabase } from './migrate';
import { detectTransactionPooler } from './pooler-probe';
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
  /**
   * Set when `db` reaches PostgreSQL through a transaction-mode pooler, as configured or as found
   * at open (`detected`): statements are then unnamed and nothing relies on the server session.
   */
  pooler: { mode: 'transaction'; detected: boolean } | null;
  /**
   * LISTEN on a channel (postgres.js keeps one dedicated connection for all of them); null when
   * there is no session to listen on: a transaction pooler without a direct URL.
   */
  listen: ((channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>) | null;
  close: () => Promise<void>;
};

export type CreateDbOptions =
  /** A PostgreSQL URL (postgres.js). */
  | {
      url: string;
      /** Connections this handle opens to `url` at most (default 10). */
      poolSize?: number;
      /** 'transaction': `url` is a transaction-mode pooler. Unset, it is checked at open (db/pooler-probe.ts). */
      pooler?: 'transaction';
      /** A connection that keeps its session (direct, or a session-mode pooler): LISTEN and migrations use it. */
      directUrl?: string;
    }
  /** A PGlite directory, or 'memory://' for tests. Directories are locked to this process. */
  | { dataDir: string };

const quiet = () => {};

export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if ('url' in options) {
    const detected = options.pooler !== 'transaction' && (await detectTransactionPooler(options.url));
    const pooled = options.pooler === 'transaction' || detected;
    // One transaction under a transaction-scoped lock (db/migrate.ts): safe through a pooler too.
    await migrateDatabase({ url: options.directUrl ?? options.url });
    // A short connect timeout: while PostgreSQL is down or restarting, a request must fail fast
    // (SCIM 503 + Retry-After) instead of waiting 30 s for a connection (npm run test:faults).
    // Behind a transaction pooler statements are unnamed (prepare: false, which also overrides the
    // names Drizzle's .prepare() asks for): postgres.js prepares a statement on one server
    // connection and later executes it by name on whichever the pooler hands out. There it does not
    // exist, and inside a transaction that error aborts it; postgres.js re-prepares and retries,
    // and a retried COMMIT of an aborted transaction answers ROLLBACK without an error. A DELETE
    // then answered 204 and the person was still there (issue 17).
    // postgres.js waits before reconnecting after a failed connect, and its default backoff grows
    // with every failure to 20 s (src/index.js `backoff`): during an outage a query then waited
    // out the SCIM deadline (10 s) before even trying. A refused connection is immediate, so
    // retry at once, at most 250 ms apart (issue 14; npm run test:faults -- --only outage).
    const client = postgres(options.url, { max: options.poolSize ?? 10, connect_timeout: 3, backoff: reconnectBackoff, onnotice: quiet, prepare: !pooled });
    const listener = options.directUrl
      ? postgres(options.directUrl, { max: 1, connect_timeout: 3, backoff: reconnectBackoff, onnotice: quiet })
      : pooled
        ? null
        : client;
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      pooler: pooled ? { mode: 'transaction', detected } : null,
      listen: listener
        ? async (channel, onPayload) => {
            const subscription = await listener.listen(channel, onPayload);
            return () => subscription.unlisten();
          }
        : null,
      close: async () => {
        await runDbCloseHooks(db);
        await Promise.all([client.end({ timeout: 5 }), listener !== client ? listener?.end({ timeout: 5 }) : undefined]);
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
      pooler: null,
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
