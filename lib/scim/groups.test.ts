import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupMembers } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { GROUP_SCHEMA, patchBody, scimClientFor, userBody, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';

describe.each(testDrivers())('SCIM /Groups on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  const users: string[] = [];
  beforeAll(async () => {
    handle = await open();
    client = await scimClientFor(handle.db);
    for (let i = 0; i < 6; i++) {
      const reply = await client.call('POST', '/Users', userBody(`member-${i}@example.test`, { displayName: `Member ${i}` }));
      users.push(String(reply.json?.id));
    }
  });
  afterAll(() => handle.close());

  const u = (i: number) => users[i] ?? '';

  async function memberIds(groupId: string): Promise<string[]> {
    const rows = await handle.db
      .select({ id: groupMembers.memberId })
      .from(groupMembers)
      .where(and(eq(groupMembers.orgId, client.orgId), eq(groupMembers.groupId, groupId)));
    return rows.map((r) => r.id).sort();
  }

  async function createGroup(displayName: string, memberIdx: number[] = []) {
    const reply = await client.call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName, members: memberIdx.map((i) => ({ value: u(i) })) });
    expect(reply.status, reply.text).toBe(201);
    return String(reply.json?.id);
  }

  it('creates a group with members from the POST body and returns them with display names', async () => {
    const reply = await client.call('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Engineering',
      externalId: 'eng-1',
      members: [{ value: u(0) }, { value: u(1) }],
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toMatch(/\/Groups\/[0-9a-f-]{36}$/);
    expect(reply.json).toMatchObject({ displayName: 'Engineering', externalId: 'eng-1', meta: { resourceType: 'Group', version: 'W/"1"' } });
    expect(reply.json?.members).toEqual(expect.arrayContaining([expect.objectContaining({ value: u(0), display: 'Member 0' })]));
    const dup = await client.call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'ENGINEERING' });
    expect(dup).toMatchObject({ status: 409, json: expect.objectContaining({ scimType: 'uniqueness' }) });
  });

  it('omits members (and never needs them) with excludedAttributes=members', async () => {
    const id = await createGroup('Big team', [0, 1, 2]);
    const reply = await client.call('GET', `/Groups/${id}?excludedAttributes=members`);
    expect(reply.status).toBe(200);
    expect(reply.json).not.toHaveProperty('members');
    expect(reply.json).toMatchObject({ id, displayName: 'Big team' });
    const listed = await client.call('GET', `/Groups?filter=${encodeURIComponent('displayName eq "big TEAM"')}&excludedAttributes=members`);
    expect(listed.json?.totalResults).toBe(1);
    expect((listed.json?.Resources as object[])[0]).not.toHaveProperty('members');
  });

  it("adds members with Entra's capitalised Add, and its Remove with a value list removes only those", async () => {
    const id = await createGroup('Entra group', [0, 1, 2]);
    const add = await client.call('PATCH', `/Groups/${id}`, patchBody({ op: 'Add', path: 'members', value: [{ value: u(3) }, { value: u(0) }] }));
    expect([200, 204]).toContain(add.status);
    expect(await memberIds(id)).toEqual([u(0), u(1), u(2), u(3)].sort());
    const remove = await client.call('PATCH', `/Groups/${id}`, patchBody({ op: 'Remove', path: 'members', value: [{ value: u(1) }, { value: u(5) }] }));
    expect([200, 204]).toContain(remove.status);
    expect(await memberIds(id)).toEqual([u(0), u(2), u(3)].sort());
  });

  it("removes by value filter, replaces the whole set, and renames with the group's own id in the value", async () => {
    const id = await createGroup('Okta group', [0, 1]);
    await client.call('PATCH', `/Groups/${id}`, patchBody({ op: 'remove', path: `members[value eq "${u(0)}"]` }));
    expect(await memberIds(id)).toEqual([u(1)]);
    await client.call('PATCH', `/Groups/${id}`, patchBody({ op: 'replace', path: 'members', value: [{ value: u(4) }, { value: u(5) }] }));
    expect(await memberIds(id)).toEqual([u(4), u(5)].sort());
    const rename = await client.call('PATCH', `/Groups/${id}`, patchBody({ op: 'replace', value: { id, displayName: 'Okta group (renamed)' } }));
    expect([200, 204]).toContain(rename.status);
    expect((await client.call('GET', `/Groups/${id}`)).json?.displayName).toBe('Okta group (renamed)');
    const stolenId = await client.call('PATCH', `/Groups/${id}`, patchBody({ op: 'replace', value: { id: u(0), displayName: 'x' } }));
    expect(stolenId.status).toBe(400);
  });

  it('replaces with PUT, ignores nested group ids with a note, and deletes', async () => {
    const child = await createGroup('Child');
    const id = await createGroup('Parent', [0]);
    const put = await client.call('PUT', `/Groups/${id}`, { schemas: [GROUP_SCHEMA], displayName: 'Parent', members: [{ value: u(2) }, { value: child }] });
    expect(put.status, put.text).toBe(200);
    expect(await memberIds(id)).toEqual([u(2)]);
    const [log] = await client.auditRows();
    expect(JSON.stringify(log?.summary)).toContain('nested groups');
    expect((await client.call('DELETE', `/Groups/${id}`)).status).toBe(204);
    expect((await client.call('GET', `/Groups/${id}`)).status).toBe(404);
    const [left] = await handle.db.select({ n: count() }).from(groupMembers).where(eq(groupMembers.groupId, id));
    expect(left?.n).toBe(0);
  });

  it('adds 5,000 members in one PATCH and keeps the count right', async () => {
    const bulk = await scimClientFor(handle.db);
    const { seedMembers } = await import('@/test/seed-members');
    const ids = await seedMembers(handle.db, bulk.orgId, 5000, 'bulk');
    const group = await bulk.call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Everyone' });
    const groupId = String(group.json?.id);
    const reply = await bulk.call('PATCH', `/Groups/${groupId}`, patchBody({ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }));
    expect([200, 204]).toContain(reply.status);
    const [n] = await handle.db
      .select({ n: count() })
      .from(groupMembers)
      .where(and(eq(groupMembers.orgId, bulk.orgId), eq(groupMembers.groupId, groupId)));
    expect(n?.n).toBe(5000);
    const filtered = await bulk.call('GET', `/Groups?filter=${encodeURIComponent(`members[value eq "${ids[17]}"]`)}&excludedAttributes=members`);
    expect(filtered.json?.totalResults).toBe(1);
  });
});
