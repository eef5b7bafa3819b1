import 'server-only';
import { getDbHandle } from '@/lib/database';
import { createTeamChangeFeed, type TeamChangeFeed } from './team-change-feed';

// One feed per process (one LISTEN, or one poll), fanned out in memory to this instance's open
// team pages. The signal itself comes through PostgreSQL, so changes made on any instance arrive.
const globalForLive = globalThis as unknown as { rosterTeamFeed?: Promise<TeamChangeFeed> };

function feed(): Promise<TeamChangeFeed> {
  globalForLive.rosterTeamFeed ??= getDbHandle()
    .then((handle) => createTeamChangeFeed(handle))
    .catch((error: unknown) => {
      globalForLive.rosterTeamFeed = undefined;
      throw error;
    });
  return globalForLive.rosterTeamFeed;
}

/** Calls `onChange` whenever the org's team changes; returns the unsubscribe function. */
export async function subscribeTeamChanges(orgId: string, onChange: () => void): Promise<() => void> {
  return (await feed()).subscribe(orgId, onChange);
}
