import { inject } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/db/client';
import { addMember } from '@/lib/members/add-member';
import { seedOrg } from '@/test/seed';
import { listenOn, testDrivers } from '@/test/test-databases';
import { notifyTeamChanged, TEAM_CHANNEL } from './team-change-channel';
import { createTeamChangeFeed } from './team-change-feed';

function nextPayload(handle: DbHandle): Promise<{ payload: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    let stop: () => Promise<void> = async () => {};
    const timer = setTimeout(() => reject(new Error('no notification within 5 s')), 5000);
    listenOn(handle)(TEAM_CHANNEL, (payload) => {
      clearTimeout(timer);
      resolve({ payload, stop });
    }).then((unlisten) => {
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
    const unlisten = await listenOn(handle)(TEAM_CHANNEL, (p) => received.push(p));
    await handle.db
      .transaction(async (tx) => {
        await notifyTeamChanged(tx, '11111111-1111-4111-8111-111111111111');
        tx.rollback();
      })
      .catch(() => {});
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

/**
 * Two instances whose DATABASE_URL is a transaction-mode PgBouncer (TEST_POOLER_URL). A LISTEN
 * through it would hold a pooled server connection that other clients then use: nothing arrives.
 */
describe.runIf(inject('poolerTestUrl') && inject('postgresTestUrl'))('live team pages behind a transaction pooler', () => {
  const pooled = inject('poolerTestUrl') ?? '';
  const direct = inject('postgresTestUrl') ?? '';
  const owner = { type: 'system', label: 'test' } as const;

  it('with DATABASE_DIRECT_URL, a page on instance B hears at once a change committed through the pooler on instance A', async () => {
    const a = await createDb({ url: pooled, poolSize: 2, pooler: 'transaction', directUrl: direct });
    const b = await createDb({ url: pooled, poolSize: 2, pooler: 'transaction', directUrl: direct });
    const feed = createTeamChangeFeed(b);
    try {
      expect(b.listen).not.toBeNull();
      const org = await seedOrg(a.db, 'live');
      let heardAt = 0;
      const stop = await feed.subscribe(org.orgId, () => (heardAt ||= performance.now()));
      const changedAt = performance.now();
      await addMember(a.db, org.orgId, { givenName: 'Heard', familyName: 'Person', email: `heard-${org.orgId}@example.test`, role: 'member' }, owner);
      await expect.poll(() => heardAt, { timeout: 5_000 }).toBeGreaterThan(0);
      // LISTEN/NOTIFY, not the 5 s poll.
      expect(heardAt - changedAt).toBeLessThan(2_000);
      stop();
    } finally {
      feed.close();
      await a.close();
      await b.close();
    }
  });

  it('without it, instance B has no LISTEN and its pages hear the change by polling', async () => {
    const a = await createDb({ url: pooled, poolSize: 2, pooler: 'transaction' });
    const b = await createDb({ url: pooled, poolSize: 2, pooler: 'transaction' });
    const feed = createTeamChangeFeed(b, 200);
    try {
      expect(b.listen).toBeNull();
      const org = await seedOrg(a.db, 'polled');
      let heard = 0;
      const stop = await feed.subscribe(org.orgId, () => heard++);
      await addMember(a.db, org.orgId, { givenName: 'Polled', familyName: 'Person', email: `polled-${org.orgId}@example.test`, role: 'member' }, owner);
      await expect.poll(() => heard, { timeout: 5_000 }).toBe(1);
      stop();
    } finally {
      feed.close();
      await a.close();
      await b.close();
    }
  });
});
