import { inject } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/db/client';
import { testDrivers } from '@/test/test-databases';
import { notifyTeamChanged, TEAM_CHANNEL } from './team-change-channel';

function nextPayload(handle: DbHandle): Promise<{ payload: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    let stop: () => Promise<void> = async () => {};
    const timer = setTimeout(() => reject(new Error('no notification within 5 s')), 5000);
    handle
      .listen(TEAM_CHANNEL, (payload) => {
        clearTimeout(timer);
        resolve({ payload, stop });
      })
      .then((unlisten) => {
        stop = unlisten;
      }, reject);
  });
}

describe.each(testDrivers())('team change notifications on $driver', ({ open }) => {
  const handles: DbHandle[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close();
  });

  it('delivers a change at commit, and never one from a rolled-back transaction', async () => {
    const handle = await open();
    handles.push(handle);
    const received: string[] = [];
    const unlisten = await handle.listen(TEAM_CHANNEL, (p) => received.push(p));
    await handle.db.transaction(async (tx) => {
      await notifyTeamChanged(tx, '11111111-1111-4111-8111-111111111111');
      tx.rollback();
    }).catch(() => {});
    await handle.db.transaction((tx) => notifyTeamChanged(tx, '22222222-2222-4222-8222-222222222222'));
    await expect.poll(() => received, { timeout: 5000 }).toEqual(['22222222-2222-4222-8222-222222222222']);
    await unlisten();
  });
});

describe.runIf(inject('postgresTestUrl'))('team change notifications across instances', () => {
  it('reaches instance B when instance A commits a change', async () => {
    const url = inject('postgresTestUrl') ?? '';
    const a = await createDb({ url, poolSize: 2 });
    const b = await createDb({ url, poolSize: 2 });
    try {
      const waiting = nextPayload(b);
      await new Promise((r) => setTimeout(r, 200));
      await a.db.transaction((tx) => notifyTeamChanged(tx, '33333333-3333-4333-8333-333333333333'));
      const { payload, stop } = await waiting;
      expect(payload).toBe('33333333-3333-4333-8333-333333333333');
      await stop();
    } finally {
      await a.close();
      await b.close();
    }
  });
});
