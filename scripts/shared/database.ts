import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createDb, type Db, type DbHandle } from '@/db/client';

/**
 * Where a script's server keeps its data (bench, faults, soak). PostgreSQL: a database dropped
 * and created for the run. PGlite: a fresh directory, which only one process may open at a
 * time — so a script opens it (`withDb`) only while the server is stopped.
 */
export type Target = {
  kind: 'postgres' | 'pglite';
  /** What the server's environment needs to use this database. */
  serverEnv: Record<string, string>;
  /** PostgreSQL URL, for the floor (postgres.js); undefined on PGlite. */
  url?: string;
  withDb: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  dispose: () => Promise<void>;
};

export async function postgresTarget(url: string): Promise<Target> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`unexpected database name "${name}" in ${target.host}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminSql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await adminSql.unsafe(`drop database if exists "${name}" with (force)`);
    await adminSql.unsafe(`create database "${name}"`);
  } finally {
    await adminSql.end();
  }
  let handle: DbHandle | undefined;
  return {
    kind: 'postgres',
    url,
    serverEnv: { DATABASE_URL: url },
    withDb: async (work) => {
      handle ??= await createDb({ url, poolSize: 4 });
      return work(handle.db);
    },
    dispose: async () => {
      await handle?.close();
    },
  };
}

export async function pgliteTarget(): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-'));
  return {
    kind: 'pglite',
    serverEnv: { DATABASE_URL: '', ROSTER_DATA_DIR: dir },
    withDb: async (work) => {
      const handle = await createDb({ dataDir: dir });
      try {
        return await work(handle.db);
      } finally {
        await handle.close();
      }
    },
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
