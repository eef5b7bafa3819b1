import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { migrateDatabase } from './migrate';

const direct = inject('postgresTestUrl');
const pooled = inject('poolerTestUrl');

/** A database of its own: migrations are what is tested, from nothing. */
async function withFreshDatabase(work: (urls: { direct: string; pooled: string }) => Promise<void>): Promise<void> {
  const name = `roster_test_migrate_${process.pid}_${Date.now()}`;
  const admin = postgres(direct ?? '', { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const at = (base: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  try {
    await work({ direct: at(direct ?? ''), pooled: at(pooled ?? '') });
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

describe.runIf(direct && pooled)('migrations through a transaction pooler', () => {
  it('three instances starting at once through PgBouncer apply each migration once, and leave no lock behind', async () => {
    await withFreshDatabase(async (urls) => {
      await Promise.all([migrateDatabase({ url: urls.pooled }), migrateDatabase({ url: urls.pooled }), migrateDatabase({ url: urls.pooled })]);
      const sql = postgres(urls.direct, { max: 1, onnotice: () => {} });
      try {
        const applied = await sql`select hash from drizzle.__drizzle_migrations`;
        const files = await import('drizzle-orm/migrator').then((m) => m.readMigrationFiles({ migrationsFolder: 'db/migrations' }));
        expect(applied.map((r) => r.hash as string).sort()).toEqual(files.map((f) => f.hash).sort());
        // A session lock taken through the pooler would still be held by one of its server
        // connections, and the next start (even a direct one) would wait for it forever.
        expect(
          await sql`select 1 from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
        ).toHaveLength(0);
        await migrateDatabase({ url: urls.direct });
        expect(await sql`select count(*)::int as n from drizzle.__drizzle_migrations`).toEqual([{ n: files.length }]);
      } finally {
        await sql.end();
      }
    });
  });
});
