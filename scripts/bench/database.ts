import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createDb, type Db, type DbHandle } from '@/db/client';
import { resultRows } from '@/db/result-rows';

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/roster_bench';

/**
 * Where the benchmarked server keeps its data. PostgreSQL: a database dropped and created for
 * the run. PGlite: a fresh directory, which only one process may open at a time — so the bench
 * opens it (`withDb`) only while the server is stopped.
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
  if (!/^[\w-]+$/.test(name)) throw new Error(`bench: unexpected database name "${name}" in ${target.host}`);
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

const bulkName = (prefix: string) => sql`${prefix} || '-' || lpad(g::text, 6, '0') || '@bench.example'`;

/**
 * Inserts SCIM members `prefix-<from>` … `prefix-<to>` in one statement (seeding is not what is
 * measured), then VACUUM ANALYZE: autovacuum would have run within a minute of such an insert
 * (planner statistics, visibility map for index-only scans), and a real directory is not minutes old.
 */
export async function seedUsers(db: Db, orgId: string, prefix: string, from: number, to: number): Promise<void> {
  if (to < from) return;
  await db.execute(sql`
    insert into members (org_id, user_name, email, emails, given_name, family_name, display_name, external_id, source)
    select ${orgId}::uuid, ${bulkName(prefix)}, ${bulkName(prefix)},
           jsonb_build_array(jsonb_build_object('value', ${bulkName(prefix)}, 'type', 'work', 'primary', true)),
           'Bulk', 'User ' || g, 'Bulk User ' || g, ${prefix} || '-ext-' || g, 'scim'
    from generate_series(${from}::int, ${to}::int) g`);
  await db.execute(sql`vacuum analyze members`);
}

/** A group holding every member whose userName starts with `prefix-`. Returns its id. */
export async function seedGroup(db: Db, orgId: string, displayName: string, prefix: string): Promise<string> {
  const [group] = resultRows(await db.execute(sql`insert into groups (org_id, display_name) values (${orgId}::uuid, ${displayName}) returning id`));
  const groupId = String(group?.id);
  await db.execute(sql`
    insert into group_members (org_id, group_id, member_id)
    select ${orgId}::uuid, ${groupId}::uuid, id from members where org_id = ${orgId}::uuid and user_name like ${`${prefix}-%`}`);
  await db.execute(sql`vacuum analyze group_members`);
  return groupId;
}

/** Ids and userNames of the members named `prefix-…`, in name order. */
export async function memberIds(db: Db, orgId: string, prefix: string): Promise<{ ids: string[]; userNames: string[] }> {
  const rows = resultRows(
    await db.execute(sql`
    select id, user_name from members where org_id = ${orgId}::uuid and user_name like ${`${prefix}-%`} order by user_name`),
  );
  return { ids: rows.map((r) => String(r.id)), userNames: rows.map((r) => String(r.user_name)) };
}
