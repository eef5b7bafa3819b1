import 'server-only';
import { EventEmitter } from 'node:events';
import { getDbHandle } from '@/db/client';
import { TEAM_CHANNEL } from './team-change-channel';

type LiveState = { emitter: EventEmitter; listening?: Promise<unknown> };

// One LISTEN per process, fanned out in memory to this instance's open team pages. The
// notification itself comes through PostgreSQL, so changes made on any instance arrive here.
const globalForLive = globalThis as unknown as { rosterLive?: LiveState };

function state(): LiveState {
  globalForLive.rosterLive ??= { emitter: new EventEmitter().setMaxListeners(0) };
  const live = globalForLive.rosterLive;
  live.listening ??= getDbHandle()
    .then((handle) => handle.listen(TEAM_CHANNEL, (orgId) => live.emitter.emit(orgId)))
    .catch((error: unknown) => {
      live.listening = undefined;
      throw error;
    });
  return live;
}

/** Calls `onChange` whenever the org's team changes; returns the unsubscribe function. */
export async function subscribeTeamChanges(orgId: string, onChange: () => void): Promise<() => void> {
  const live = state();
  await live.listening;
  live.emitter.on(orgId, onChange);
  return () => live.emitter.off(orgId, onChange);
}
