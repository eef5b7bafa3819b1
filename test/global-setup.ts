import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

/**
 * When TEST_DATABASE_URL is set, the data tests also run against PostgreSQL: this creates one
 * fresh database for the run (orgs keep tests apart inside it) and drops it afterwards. When
 * TEST_POOLER_URL is set too (a PgBouncer in transaction mode in front of the same server, which
 * routes any database name: .ci/pgbouncer.ini), the same database is also offered through it.
 */
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return;
  const name = `roster_test_${process.pid}_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  project.provide('postgresTestUrl', url.toString());
  const pooler = process.env.TEST_POOLER_URL;
  if (pooler) {
    const pooled = new URL(pooler);
    pooled.pathname = `/${name}`;
    project.provide('poolerTestUrl', pooled.toString());
  }
  // Session- and statement-mode entries of the same PgBouncer, for the pooler check.
  if (process.env.TEST_POOLER_SESSION_URL) project.provide('poolerSessionUrl', process.env.TEST_POOLER_SESSION_URL);
  if (process.env.TEST_POOLER_STATEMENT_URL) project.provide('poolerStatementUrl', process.env.TEST_POOLER_STATEMENT_URL);
  return async () => {
    const cleanup = postgres(base, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
    await cleanup.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTestUrl?: string;
    poolerTestUrl?: string;
    poolerSessionUrl?: string;
    poolerStatementUrl?: string;
  }
}
