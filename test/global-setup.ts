import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

/**
 * When TEST_DATABASE_URL is set, the data tests also run against PostgreSQL: this creates one
 * fresh database for the run (orgs keep tests apart inside it) and drops it afterwards.
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
  return async () => {
    const cleanup = postgres(base, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
    await cleanup.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTestUrl?: string;
  }
}
