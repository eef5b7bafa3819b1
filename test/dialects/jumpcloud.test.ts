import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { scimClientFor, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import * as jc from '@/test/idp-behaviour/jumpcloud';
import { EMPTY_LIST, teamState, withFilter } from './team-state';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * JumpCloud custom SCIM 2.0 connector: Test Connection creates and deletes a test user and a
 * test group (and may be clicked again), then bound users and groups are provisioned.
 */
describe.each(testDrivers({ pooled: true }))('JumpCloud on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  let team: ReturnType<typeof teamState>;
  let sam = '';
  let group = '';
  const userName = jc.createUserBody.userName;

  beforeAll(async () => {
    handle = await open();
    client = await scimClientFor(handle.db, { userAgent: jc.JUMPCLOUD_USER_AGENT });
    team = teamState(handle.db, client.orgId);
  });
  afterAll(() => handle.close());

  async function testConnection() {
    const user = await client.call('POST', '/Users', jc.testConnectionUser);
    expect(user.status, user.text).toBe(201);
    const userId = String(user.json?.id);
    expect(await team.member(userId)).toMatchObject({ status: 'active', source: 'scim', email: jc.TEST_USER_EMAIL });
    expect((await client.call('GET', `/Users/${userId}`)).json).toMatchObject({ id: userId, userName: jc.TEST_USER_EMAIL });
    const group = await client.call('POST', '/Groups', jc.testConnectionGroup);
    expect(group.status, group.text).toBe(201);
    const groupId = String(group.json?.id);
    expect(await team.group(groupId)).toMatchObject({ displayName: jc.testConnectionGroup.displayName });
    expect((await client.call('DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect((await client.call('DELETE', `/Users/${userId}`)).status).toBe(204);
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.user.delete', status: 204, idp: 'jumpcloud' });
    expect(await team.member(userId)).toBeUndefined();
    expect(await team.group(groupId)).toBeUndefined();
    expect((await client.call('GET', `/Users/${userId}`)).status).toBe(404);
  }

  it('1. Test Connection: creates, reads and deletes a test user and a test group, leaving nothing behind', async () => {
    await testConnection();
    expect(await team.scimUserNames()).toEqual([]);
    expect(await team.groupNames()).toEqual([]);
  });

  it('2. Test Connection clicked again with the same test email: no 409 from a leftover', async () => {
    await testConnection();
    expect(await team.scimUserNames()).toEqual([]);
  });

  it('3. provisions a bound user: lookup, create; its JumpCloud manager id is ignored with a note', async () => {
    expect((await client.call('GET', jc.lookupPath(userName))).json).toEqual(EMPTY_LIST);
    const created = await client.call('POST', '/Users', jc.createUserBody);
    expect(created.status, created.text).toBe(201);
    sam = String(created.json?.id);
    expect(created.json).toMatchObject({ userName, externalId: '5f8d0d55b54764421b7156c9', active: true, title: 'Accountant' });
    expect(await team.member(sam)).toMatchObject({
      source: 'scim',
      status: 'active',
      email: userName,
      displayName: 'Sam Lee',
      employeeNumber: 'E-2041',
      costCenter: 'CC-17',
      division: 'Finance',
      department: 'Accounts Payable',
      managerId: null,
      middleName: null,
    });
    expect((await team.member(sam))?.phoneNumbers).toEqual([expect.objectContaining({ type: 'work', value: '+44 20 7946 0958' })]);
    const [log] = await client.auditRows();
    expect(log).toMatchObject({ action: 'scim.user.create', status: 201, idp: 'jumpcloud' });
    expect(log?.summary).toMatchObject({ ignoredAttributes: expect.arrayContaining([`${ENTERPRISE}:manager`]) });
  });

  it('4. finds the user by externalId and reads them by id', async () => {
    const found = await client.call('GET', withFilter('/Users', 'externalId eq "5f8d0d55b54764421b7156c9"'));
    expect(found.json).toMatchObject({ totalResults: 1, Resources: [expect.objectContaining({ id: sam })] });
    expect((await client.call('GET', `/Users/${sam}`)).json).toMatchObject({ id: sam, active: true });
  });

  it('5. binds a user group: POST the group, add the member', async () => {
    const created = await client.call('POST', '/Groups', jc.boundGroupBody);
    expect(created.status, created.text).toBe(201);
    group = String(created.json?.id);
    const add = await client.call('PATCH', `/Groups/${group}`, jc.addMembers(sam));
    expect([200, 204]).toContain(add.status);
    expect(await team.groupMemberIds(group)).toEqual([sam]);
  });

  it('6. an attribute change in JumpCloud arrives as a full PUT', async () => {
    const put = await client.call('PUT', `/Users/${sam}`, jc.putUserBody(sam, 'Senior Accountant'));
    expect(put.status, put.text).toBe(200);
    expect(await team.member(sam)).toMatchObject({ title: 'Senior Accountant', status: 'active', costCenter: 'CC-17' });
    expect(await team.groupsOf(sam)).toEqual([group]);
  });

  it('7. suspended in JumpCloud: active false → suspended, still on the team and in the group', async () => {
    const off = await client.call('PATCH', `/Users/${sam}`, jc.setActive(false));
    expect(off.status, off.text).toBe(200);
    expect(off.json?.active).toBe(false);
    expect(await team.member(sam)).toMatchObject({ status: 'suspended', title: 'Senior Accountant' });
    expect(await team.groupsOf(sam)).toEqual([group]);
  });

  it('8. restored in JumpCloud: active true', async () => {
    const on = await client.call('PATCH', `/Users/${sam}`, jc.setActive(true));
    expect(on.json?.active).toBe(true);
    expect(await team.member(sam)).toMatchObject({ status: 'active' });
  });

  it('9. group unbound: member removed with a value list, then the group deleted', async () => {
    const remove = await client.call('PATCH', `/Groups/${group}`, jc.removeMembers(sam));
    expect([200, 204]).toContain(remove.status);
    expect(await team.groupMemberIds(group)).toEqual([]);
    expect((await client.call('DELETE', `/Groups/${group}`)).status).toBe(204);
    expect(await team.groupNames()).toEqual([]);
    expect(await team.member(sam)).toMatchObject({ status: 'active' });
  });

  it('10. user deleted in JumpCloud: DELETE takes them off the team', async () => {
    expect((await client.call('DELETE', `/Users/${sam}`)).status).toBe(204);
    expect(await team.member(sam)).toBeUndefined();
    expect(await team.scimUserNames()).toEqual([]);
    expect((await client.call('GET', `/Users/${sam}`)).status).toBe(404);
  });
});
