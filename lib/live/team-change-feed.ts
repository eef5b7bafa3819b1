import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { TEAM_CHANNEL } from './team-change-channel';

/**
 * Without LISTEN (a transaction pooler and no DATABASE_DIRECT_URL, lib/database.ts says so at
 * start), how often the orgs of this instance's open team pages are checked for changes.
 */
export const TEAM_POLL_MS = 5_000;
/**
 * Longer than any transaction that writes a change runs (SCIM rolls back after 10 s): a change
 * committed after a check is dated (its transaction's start) no earlier than this before it.
 */
const COMMIT_SLACK_SECONDS = 60;

export type TeamChangeFeed = {
  /** Calls `onChange` whenever the org's team changes; resolves to the unsubscribe function. */
  subscribe: (orgId: string, onChange: () => void) => Promise<() => void>;
  close: () => void;
};

/**
 * "This org's team changed" for one instance's open team pages: one LISTEN on TEAM_CHANNEL,
 * fanned out in memory, so changes made through any instance arrive. When the handle cannot
 * LISTEN, the same signal comes from polling the sync log every `pollMs` instead.
 */
export function createTeamChangeFeed(handle: Pick<DbHandle, 'db' | 'listen'>, pollMs = TEAM_POLL_MS): TeamChangeFeed {
  const emitter = new EventEmitter().setMaxListeners(0);
  const feed = handle.listen ? listenFeed(emitter, handle.listen) : pollFeed(emitter, handle.db, pollMs);
  return {
    subscribe: async (orgId, onChange) => {
      await feed.watch(orgId);
      emitter.on(orgId, onChange);
      return () => {
        emitter.off(orgId, onChange);
        if (emitter.listenerCount(orgId) === 0) feed.unwatch(orgId);
      };
    },
    close: () => feed.close(),
  };
}

type Source = { watch: (orgId: string) => Promise<void>; unwatch: (orgId: string) => void; close: () => void };

function listenFeed(emitter: EventEmitter, listen: NonNullable<DbHandle['listen']>): Source {
  let listening: Promise<() => Promise<void>> | undefined;
  return {
    watch: async () => {
      listening ??= listen(TEAM_CHANNEL, (orgId) => emitter.emit(orgId)).catch((error: unknown) => {
        listening = undefined;
        throw error;
      });
      await listening;
    },
    unwatch: () => {},
    close: () => void listening?.then((unlisten) => unlisten()).catch(() => {}),
  };
}

/**
 * Every change writes a sync-log row in its own transaction, so an org changed since the last
 * check has more rows dated from (last check − slack) than that check counted. Reads' rows count
 * too: a refresh more, never one fewer.
 */
function pollFeed(emitter: EventEmitter, db: DbHandle['db'], pollMs: number): Source {
  /** Per watched org: the window's start and how many rows it held at the last check. */
  const seen = new Map<string, { since: string; count: number }>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let checking = false;

  const check = async (orgIds: string[]): Promise<Map<string, { changed: boolean; next: { since: string; count: number } }>> => {
    const windows = orgIds.map((orgId) => ({ org_id: orgId, since: seen.get(orgId)?.since ?? null }));
    const rows = resultRows(
      await db.execute(sql`
      select w.org_id,
        (select count(*) from audit_events e where e.org_id = w.org_id and e.occurred_at >= w.since) as in_last_window,
        (select count(*) from audit_events e
          where e.org_id = w.org_id and e.occurred_at >= now() - make_interval(secs => ${COMMIT_SLACK_SECONDS})) as in_next_window,
        to_json(now() - make_interval(secs => ${COMMIT_SLACK_SECONDS}))#>>'{}' as next_since
      from jsonb_to_recordset(${JSON.stringify(windows)}::jsonb) as w(org_id uuid, since timestamptz)`),
    );
    return new Map(
      rows.map((row) => {
        const orgId = String(row.org_id);
        const before = seen.get(orgId);
        const changed = before !== undefined && Number(row.in_last_window) > before.count;
        return [orgId, { changed, next: { since: String(row.next_since), count: Number(row.in_next_window) } }];
      }),
    );
  };

  const poll = async () => {
    if (checking || seen.size === 0) return;
    checking = true;
    try {
      for (const [orgId, { changed, next }] of await check([...seen.keys()])) {
        if (!seen.has(orgId)) continue;
        seen.set(orgId, next);
        if (changed) emitter.emit(orgId);
      }
    } catch {
      // The database is away: the next check compares with the last one that worked.
    } finally {
      checking = false;
    }
  };

  return {
    watch: async (orgId) => {
      if (!seen.has(orgId)) {
        const first = (await check([orgId])).get(orgId);
        if (first && !seen.has(orgId)) seen.set(orgId, first.next);
      }
      if (!timer) {
        timer = setInterval(() => void poll(), pollMs);
        timer.unref?.();
      }
    },
    unwatch: (orgId) => {
      seen.delete(orgId);
      if (seen.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    },
    close: () => {
      seen.clear();
      clearInterval(timer);
      timer = undefined;
    },
  };
}
