import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { scimClientFor, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import * as okta from '@/test/idp-behaviour/okta';
import { EMPTY_LIST, sorted, teamState } from './team-state';

/**
 * Okta, custom app from the App Integration Wizard: every User update is a PUT (active:false
 * included), group renames and memberships are PUTs too. Bodies from test/idp-behaviour/okta.ts.
 */
describe.each(testDrivers({ pooled: true }))('Okta wizard (AIW) app on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  let team: ReturnType<typeof teamState>;
  let user = '';
  let colleague = '';
  let group = '';
  const userName = okta.createOtherUserBody.userName;
  const colleagueName = okta.createUserBody.userName;
  const ref = (value: string, display: string) => ({ value, display });

  beforeAll(async () => {
    handle = await open();
    client = await scimClientFor(handle.db, { userAgent: okta.OKTA_USER_AGENT });
    team = teamState(handle.db, client.orgId);
  });
  afterAll(() => handle.close());

  it('1. looks up, then creates two assigned users', async () => {
    expect((await client.call('GET', okta.lookupPath(userName))).json).toEqual(EMPTY_LIST);
    const created = await client.call('POST', '/Users', okta.createOtherUserBody);
    expect(created.status, created.text).toBe(201);
    user = String(created.json?.id);
    expect((await client.call('GET', okta.lookupPath(colleagueName))).json).toEqual(EMPTY_LIST);
    const second = await client.call('POST', '/Users', okta.createUserBody);
    expect(second.status, second.text).toBe(201);
    colleague = String(second.json?.id);
    expect(await team.member(user)).toMatchObject({ status: 'active', source: 'scim', externalId: '00ujl29u0le5T6Aj10h8' });
    expect(await team.scimUserNames()).toEqual(sorted(userName, colleagueName));
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.user.create', idp: 'okta' });
  });

  it('2. profile update: GET, then PUT the whole user', async () => {
    expect((await client.call('GET', `/Users/${user}`)).json).toMatchObject({ id: user, active: true });
    const put = await client.call('PUT', `/Users/${user}`, okta.putUserBody(user, userName, true));
    expect(put.status, put.text).toBe(200);
    expect(await team.member(user)).toMatchObject({ givenName: 'Another', middleName: 'Excited', status: 'active' });
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.user.replace', status: 200, idp: 'okta' });
  });

  it('3. pushes a group (POST), then sets its members with PUT', async () => {
    const created = await client.call('POST', '/Groups', okta.createGroupBody);
    expect(created.status, created.text).toBe(201);
    group = String(created.json?.id);
    const put = await client.call('PUT', `/Groups/${group}`, okta.putGroupBody(group, 'Test SCIMv2', [ref(user, userName), ref(colleague, colleagueName)]));
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ id: group, displayName: 'Test SCIMv2' });
    expect(await team.groupMemberIds(group)).toEqual(sorted(user, colleague));
  });

  it('4. renames the group with PUT; the membership it repeats is kept', async () => {
    const put = await client.call('PUT', `/Groups/${group}`, okta.putGroupBody(group, 'Test SCIMv20', [ref(user, userName), ref(colleague, colleagueName)]));
    expect(put.status, put.text).toBe(200);
    expect(await team.group(group)).toMatchObject({ displayName: 'Test SCIMv20' });
    expect(await team.groupMemberIds(group)).toEqual(sorted(user, colleague));
  });

  it('5. deactivates by PUT with active:false: suspended, still on the team, group kept despite "groups": []', async () => {
    const put = await client.call('PUT', `/Users/${user}`, okta.putUserBody(user, userName, false));
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ id: user, active: false });
    expect(await team.member(user)).toMatchObject({ status: 'suspended', givenName: 'Another' });
    expect(await team.groupsOf(user)).toEqual([group]);
    expect((await client.call('GET', `/Users/${user}`)).json).toMatchObject({ active: false });
  });

  it('6. reactivates by PUT with active:true (and a changed name in the same request)', async () => {
    const put = await client.call('PUT', `/Users/${user}`, okta.putUserBody(user, userName, true, 'Returning'));
    expect(put.json).toMatchObject({ active: true, name: { givenName: 'Returning' } });
    expect(await team.member(user)).toMatchObject({ status: 'active', givenName: 'Returning' });
  });

  it('7. removes a member by PUTting the group without them', async () => {
    const put = await client.call('PUT', `/Groups/${group}`, okta.putGroupBody(group, 'Test SCIMv20', [ref(user, userName)]));
    expect(put.status, put.text).toBe(200);
    expect(await team.groupMemberIds(group)).toEqual([user]);
    expect(await team.member(colleague)).toMatchObject({ status: 'active' });
  });

  it('8. unassigning a user deactivates (PUT), never deletes; unlinking the group deletes it', async () => {
    const put = await client.call('PUT', `/Users/${colleague}`, okta.putUserBody(colleague, colleagueName, false, 'Test'));
    expect(put.json?.active).toBe(false);
    expect(await team.member(colleague)).toMatchObject({ status: 'suspended' });
    expect((await client.call('DELETE', `/Groups/${group}`)).status).toBe(204);
    expect(await team.group(group)).toBeUndefined();
    expect(await team.scimUserNames()).toEqual(sorted(userName, colleagueName));
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.group.delete', status: 204, idp: 'okta' });
  });
});
