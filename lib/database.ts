import 'server-only';
import { createDb, type CreateDbOptions, type Db, type DbHandle } from '@/db/client';
import { getEnv, type Env } from '@/lib/env';
import { TEAM_POLL_MS } from '@/lib/live/team-change-feed';
import { TOKEN_CACHE_MS } from '@/lib/tokens/token-cache';

/**
 * The app's database for pages, actions and routes. app/ never imports db/ directly (ESLint
 * enforces it, docs/architecture.md): what it may do with the database goes through lib/. db/ only
 * receives options; reading them from the environment is done here.
 */

/** postgres.js when DATABASE_URL is set (with its pooler settings), PGlite in ROSTER_DATA_DIR otherwise. */
export function dbOptionsFromEnv(env: Env = getEnv()): CreateDbOptions {
  if (!env.DATABASE_URL) return { dataDir: env.ROSTER_DATA_DIR };
  return { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, pooler: env.DATABASE_POOLER, directUrl: env.DATABASE_DIRECT_URL };
}

/**
 * What a start behind a transaction pooler changes, said once (one line each) instead of
 * failing quietly: a pooler found without DATABASE_POOLER, and what runs without a direct URL.
 */
export function poolerNotices(handle: Pick<DbHandle, 'pooler' | 'listen'>): string[] {
  if (!handle.pooler) return [];
  const notices: string[] = [];
  if (handle.pooler.detected) {
    notices.push(
      'Roster: DATABASE_URL goes through a transaction-mode connection pooler but DATABASE_POOLER is not set; running in pooler mode ' +
        '(unnamed statements, no session state through it). Set DATABASE_POOLER=transaction to say so.',
    );
  }
  if (!handle.listen) {
    notices.push(
      `Roster: behind a transaction pooler without DATABASE_DIRECT_URL there is no LISTEN: team pages refresh by polling every ${TEAM_POLL_MS / 1000} s ` +
        `instead of at once, and a token revoked through another instance is refused there within ${TOKEN_CACHE_MS / 1000} s (its cache) instead of at once; ` +
        'migrations run through the pooler in one transaction. Set DATABASE_DIRECT_URL to a direct connection for live updates.',
    );
  }
  return notices;
}

// One instance per process, kept on globalThis: without it every dev hot reload opened
// another PGlite (~190 MB each) and would trip our own data-dir lock (docs/architecture.md, stack notes). In
// production the SCIM server's bundle and Next's bundle share it the same way.
const globalForDb = globalThis as unknown as { rosterDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  globalForDb.rosterDb ??= createDb(dbOptionsFromEnv()).then(
    (handle) => {
      for (const notice of poolerNotices(handle)) console.warn(notice);
      return handle;
    },
    (error: unknown) => {
      globalForDb.rosterDb = undefined;
      throw error;
    },
  );
  return globalForDb.rosterDb;
}

export function getDb(): Promise<Db> {
  return getDbHandle().then((handle) => handle.db);
}
