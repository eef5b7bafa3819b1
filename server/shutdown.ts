import type { Server } from 'node:http';
import type { DbHandle } from '@/db/client';

// Long-lived responses (the team page's live updates) would keep server.close() waiting forever.
const DRAIN_MS = 5_000;

/**
 * On SIGTERM/SIGINT: stop accepting, let requests in flight finish (up to DRAIN_MS), close the
 * database handle Next and the SCIM side share, then exit. A second signal exits at once.
 */
export function onShutdown(server: Server, app: { close?: () => Promise<void> }): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`roster: ${signal}, shutting down`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    await closed;
    clearTimeout(force);
    await app.close?.().catch(() => {});
    await closeDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

/** Only a handle that exists: opening a database just to close it would be pointless. */
async function closeDatabase(): Promise<void> {
  const shared = (globalThis as { rosterDb?: Promise<DbHandle> }).rosterDb;
  if (!shared) return;
  try {
    await (await shared).close();
  } catch (error) {
    console.error(`roster: closing the database failed: ${(error as Error).message}`);
  }
}
