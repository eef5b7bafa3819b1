import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { addMember } from '@/lib/members/add-member';
import { seedOrg } from '@/test/seed';
import { testDrivers } from '@/test/test-databases';
import { createTeamChangeFeed } from './team-change-feed';

const owner = { type: 'system', label: 'test' } as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The fallback of a handle that cannot LISTEN (a transaction pooler without DATABASE_DIRECT_URL):
 * the same "team changed" signal, from the sync log, every poll.
 */
describe.each(testDrivers({ pooled: true }))('team change feed by polling on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('signals a change to its org once, not to another org, and nothing while nothing changes', async () => {
    const [a, b] = [await seedOrg(handle.db, 'feed'), await seedOrg(handle.db, 'feed')];
    const feed = createTeamChangeFeed({ db: handle.db, listen: null }, 100);
    const heard = { a: 0, b: 0 };
    const stopA = await feed.subscribe(a.orgId, () => heard.a++);
    const stopB = await feed.subscribe(b.orgId, () => heard.b++);
    try {
      await sleep(350);
      expect(heard).toEqual({ a: 0, b: 0 });
      await addMember(handle.db, a.orgId, { givenName: 'Polled', familyName: 'Person', email: `polled-${a.orgId}@example.test`, role: 'member' }, owner);
      await expect.poll(() => heard.a, { timeout: 3_000 }).toBe(1);
      await sleep(350);
      expect(heard).toEqual({ a: 1, b: 0 });
    } finally {
      stopA();
      stopB();
      feed.close();
    }
  });

  it('never signals a rolled-back change', async () => {
    const org = await seedOrg(handle.db, 'feed');
    const feed = createTeamChangeFeed({ db: handle.db, listen: null }, 100);
    let heard = 0;
    const stop = await feed.subscribe(org.orgId, () => heard++);
    try {
      // The same email twice: the second add is refused and its transaction rolls back.
      const input = { givenName: 'Once', familyName: 'Person', email: `once-${org.orgId}@example.test`, role: 'member' } as const;
      await addMember(handle.db, org.orgId, input, owner);
      await expect.poll(() => heard, { timeout: 3_000 }).toBe(1);
      await expect(addMember(handle.db, org.orgId, input, owner)).rejects.toThrow();
      await sleep(350);
      expect(heard).toBe(1);
    } finally {
      stop();
      feed.close();
    }
  });
});
