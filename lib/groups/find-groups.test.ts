import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { testDrivers } from '@/test/test-databases';
import { seedOrg } from '@/test/seed';
import { seedMembers } from '@/test/seed-members';
import { findGroupMemberPage } from './find-group-member-page';
import { findGroupNamesForMembers } from './find-group-names-for-members';
import { findGroups } from './find-groups';
import { addGroupMembers } from './group-membership';
import { insertGroup } from './write-group';

describe.each(testDrivers())('groups pages on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it("lists groups with member counts, and pages a group's members by keyset without skips or repeats", async () => {
    const org = await seedOrg(handle.db);
    const ids = await seedMembers(handle.db, org.orgId, 250);
    const big = await handle.db.transaction(async (tx) => {
      const g = await insertGroup(tx, org.orgId, { displayName: 'Big', externalId: null });
      await addGroupMembers(tx, org.orgId, g.id, ids);
      return g;
    });
    const small = await handle.db.transaction(async (tx) => {
      const g = await insertGroup(tx, org.orgId, { displayName: 'Small', externalId: 'x' });
      await addGroupMembers(tx, org.orgId, g.id, ids.slice(0, 3));
      return g;
    });
    const listed = await findGroups(handle.db, org.orgId, { page: 1 });
    expect(listed.rows.map((r) => [r.displayName, r.memberCount])).toEqual([
      ['Big', 250],
      ['Small', 3],
    ]);
    expect((await findGroups(handle.db, org.orgId, { page: 1, q: 'sma' })).rows.map((r) => r.id)).toEqual([small.id]);

    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await findGroupMemberPage(handle.db, org.orgId, big.id, after);
      expect(page?.total).toBe(250);
      seen.push(...(page?.members.map((m) => m.id) ?? []));
      after = page?.nextAfter;
      if (!after) break;
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    const names = await findGroupNamesForMembers(handle.db, org.orgId, ids.slice(0, 4));
    expect(names.get(ids[0] ?? '')).toEqual(['Big', 'Small']);
    expect(names.get(ids[3] ?? '')).toEqual(['Big']);
    const other = await seedOrg(handle.db, 'other');
    expect(await findGroupMemberPage(handle.db, other.orgId, big.id)).toBeNull();
  });
});
