import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupMembers } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { testDrivers } from '@/test/test-databases';
import { seedOrg } from '@/test/seed';
import { seedMembers } from '@/test/seed-members';
import { addGroupMembers, removeAllGroupMembers, removeGroupMembers, replaceGroupMembers } from './group-membership';
import { insertGroup } from './write-group';

describe.each(testDrivers())('group membership on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  async function memberCount(orgId: string, groupId: string) {
    const [row] = await handle.db
      .select({ n: count() })
      .from(groupMembers)
      .where(and(eq(groupMembers.orgId, orgId), eq(groupMembers.groupId, groupId)));
    return row?.n ?? 0;
  }

  it('adds, removes and replaces as sets, ignoring ids that are not members of the org', async () => {
    const org = await seedOrg(handle.db);
    const other = await seedOrg(handle.db, 'other');
    const ids = await seedMembers(handle.db, org.orgId, 10);
    const [foreign] = await seedMembers(handle.db, other.orgId, 1);
    const group = await handle.db.transaction((tx) => insertGroup(tx, org.orgId, { displayName: 'Eng', externalId: null }));

    const first = await handle.db.transaction((tx) => addGroupMembers(tx, org.orgId, group.id, [...ids.slice(0, 5), foreign ?? '', 'not-a-uuid']));
    expect(first.added).toBe(5);
    expect(first.unknown.sort()).toEqual([foreign, 'not-a-uuid'].sort());
    // Adding present members again is not an error and adds nothing.
    const again = await handle.db.transaction((tx) => addGroupMembers(tx, org.orgId, group.id, ids.slice(0, 6)));
    expect(again.added).toBe(1);
    expect(await memberCount(org.orgId, group.id)).toBe(6);

    // Removing lists only those; absent ones are fine.
    const removed = await handle.db.transaction((tx) => removeGroupMembers(tx, org.orgId, group.id, [ids[0] ?? '', ids[9] ?? '']));
    expect(removed).toBe(1);
    expect(await memberCount(org.orgId, group.id)).toBe(5);

    await handle.db.transaction((tx) => replaceGroupMembers(tx, org.orgId, group.id, ids.slice(7)));
    const rows = await handle.db.select({ id: groupMembers.memberId }).from(groupMembers).where(eq(groupMembers.groupId, group.id));
    expect(rows.map((r) => r.id).sort()).toEqual(ids.slice(7).sort());

    await handle.db.transaction((tx) => removeAllGroupMembers(tx, org.orgId, group.id));
    expect(await memberCount(org.orgId, group.id)).toBe(0);
  });

  it('adds 5,000 members to a group in one statement', async () => {
    const org = await seedOrg(handle.db);
    const ids = await seedMembers(handle.db, org.orgId, 5000);
    const group = await handle.db.transaction((tx) => insertGroup(tx, org.orgId, { displayName: 'All', externalId: null }));
    const result = await handle.db.transaction((tx) => addGroupMembers(tx, org.orgId, group.id, ids));
    expect(result).toEqual({ added: 5000, unknown: [] });
    expect(await memberCount(org.orgId, group.id)).toBe(5000);
  });
});
