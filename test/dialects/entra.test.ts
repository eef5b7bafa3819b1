import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { scimClientFor, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import * as entra from '@/test/idp-behaviour/entra';
import { EMPTY_LIST, sorted, teamState, withFilter } from './team-state';

/**
 * Microsoft Entra ID without aadOptscim062020: one provisioning cycle as Entra runs it, with the
 * bodies from test/idp-behaviour/entra.ts. Steps share state and run in order.
 */
describe.each(testDrivers({ pooled: true }))('Entra ID (default PATCH dialect) on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  let team: ReturnType<typeof teamState>;
  let ada = ''; // the tutorial's Test_User
  let adele = ''; // the mapped user, managed by ada
  let group = '';

  beforeAll(async () => {
    handle = await open();
    client = await scimClientFor(handle.db, { userAgent: entra.ENTRA_USER_AGENT });
    team = teamState(handle.db, client.orgId);
  });
  afterAll(() => handle.close());

  it('1. Test Connection: a random user and group → 200 with empty ListResponses', async () => {
    const users = await client.call('GET', entra.paths.users(entra.probe.userName));
    expect(users.status).toBe(200);
    expect(users.headers.get('content-type')).toBe('application/scim+json');
    expect(users.json).toEqual(EMPTY_LIST);
    const groups = await client.call('GET', entra.paths.groups(entra.probe.displayName));
    expect(groups.status).toBe(200);
    expect(groups.json).toEqual(EMPTY_LIST);
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.group.list', status: 200, idp: 'entra' });
    expect(await team.scimUserNames()).toEqual([]);
  });

  it('2. looks the user up by userName, finds nothing, and creates them (tutorial body)', async () => {
    const lookup = await client.call('GET', entra.paths.users(entra.createUserBody.userName));
    expect(lookup.json).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await client.call('POST', '/Users', entra.createUserBody);
    expect(created.status, created.text).toBe(201);
    ada = String(created.json?.id);
    expect(created.json).toMatchObject({ userName: entra.createUserBody.userName, externalId: entra.createUserBody.externalId, active: true });
    expect(created.headers.get('location')).toMatch(new RegExp(`/Users/${ada}$`));
    expect(await team.member(ada)).toMatchObject({
      source: 'scim',
      status: 'active',
      email: entra.createUserBody.emails[0]?.value,
      givenName: 'givenName',
      familyName: 'familyName',
    });
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.user.create', status: 201, idp: 'entra' });
  });

  it('3. creates a user through the default mappings ("True" string, manager = the first user)', async () => {
    const created = await client.call('POST', '/Users', entra.createMappedUserBody(ada));
    expect(created.status, created.text).toBe(201);
    adele = String(created.json?.id);
    expect(created.json?.active).toBe(true);
    expect(await team.member(adele)).toMatchObject({
      status: 'active',
      userName: 'AdeleV@contoso.example',
      email: 'AdeleV@contoso.example',
      title: 'Retail Manager',
      department: 'Retail',
      employeeNumber: '1042',
      organization: 'Contoso',
      managerId: ada,
    });
    expect(await team.scimUserNames()).toEqual(sorted('AdeleV@contoso.example', entra.createUserBody.userName));
  });

  it('4. reads the user back by id and finds them by userName and by work email', async () => {
    const read = await client.call('GET', `/Users/${ada}`);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: ada, active: true, meta: { resourceType: 'User' } });
    const byName = await client.call('GET', withFilter('/Users', `userName eq "${entra.createUserBody.userName}"`));
    expect((byName.json?.Resources as { id: string }[]).map((r) => r.id)).toEqual([ada]);
    const byEmail = await client.call('GET', withFilter('/Users', 'emails[type eq "work"].value eq "AdeleV@contoso.example"'));
    expect((byEmail.json?.Resources as { id: string }[]).map((r) => r.id)).toEqual([adele]);
    // Matching on externalId, unquoted as the tutorial's `externalId eq jyoung` example.
    const byExternalId = await client.call('GET', withFilter('/Users', `externalId eq ${entra.createUserBody.externalId}`));
    expect((byExternalId.json?.Resources as { id: string }[]).map((r) => r.id)).toEqual([ada]);
  });

  it('5. applies the per-path Replace update, Add nickName and a work phone that did not exist', async () => {
    const update = await client.call('PATCH', `/Users/${ada}`, entra.legacy.replaceMultiple);
    expect(update.status, update.text).toBe(200);
    expect(update.json).toMatchObject({ displayName: 'Pvlo', externalId: 'Eqpj', name: { givenName: 'Gtfd', familyName: 'Pkqf' } });
    expect((await client.call('PATCH', `/Users/${ada}`, entra.legacy.addNickName)).status).toBe(200);
    expect((await client.call('PATCH', `/Users/${ada}`, entra.legacy.workPhone)).status).toBe(200);
    const row = await team.member(ada);
    expect(row).toMatchObject({
      displayName: 'Pvlo',
      email: 'TestBcwqnm@test.microsoft.com',
      givenName: 'Gtfd',
      familyName: 'Pkqf',
      externalId: 'Eqpj',
      employeeNumber: 'Eqpj',
      nickName: 'Babs',
      status: 'active',
    });
    expect(row?.phoneNumbers).toEqual([expect.objectContaining({ type: 'work', value: '+1 425 555 0100' })]);
    expect((await client.auditRows())[0]?.summary).toMatchObject({ adaptations: expect.arrayContaining([expect.stringMatching(/op/i)]) });
  });

  it('6. renames the userName (Update User [Single-valued properties]); lookups follow the new name', async () => {
    const rename = await client.call('PATCH', `/Users/${ada}`, entra.legacy.renameUserName);
    expect(rename.status, rename.text).toBe(200);
    const newName = '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com';
    expect(rename.json).toMatchObject({ id: ada, userName: newName });
    expect(await team.member(ada)).toMatchObject({ userName: newName, email: 'TestBcwqnm@test.microsoft.com' });
    expect((await client.call('GET', withFilter('/Users', `userName eq "${newName}"`))).json).toMatchObject({ totalResults: 1 });
    expect((await client.call('GET', withFilter('/Users', `userName eq "${entra.createUserBody.userName}"`))).json).toMatchObject({ totalResults: 0 });
  });

  it('7. pushes a group: lookup by displayName, create (ADSCIM schema URI), Add members', async () => {
    const lookup = await client.call('GET', entra.paths.groups(entra.createGroupBody.displayName));
    expect(lookup.json).toMatchObject({ totalResults: 0 });
    const created = await client.call('POST', '/Groups', entra.createGroupBody);
    expect(created.status, created.text).toBe(201);
    group = String(created.json?.id);
    expect(created.json).toMatchObject({ displayName: 'displayName', externalId: entra.createGroupBody.externalId });
    expect(await team.groupMemberIds(group)).toEqual([]);
    const add = await client.call('PATCH', `/Groups/${group}`, entra.legacy.addMembers(ada, adele));
    expect(add.status, add.text).toBe(204);
    expect(await team.groupMemberIds(group)).toEqual(sorted(ada, adele));
    const read = await client.call('GET', `/Groups/${group}?excludedAttributes=members`);
    expect(read.json).not.toHaveProperty('members');
  });

  it('8. renames the group and removes one member with a value list — never emptying the group', async () => {
    const rename = await client.call('PATCH', `/Groups/${group}`, entra.legacy.renameGroup('Retail'));
    expect(rename.status).toBe(204);
    expect(await team.group(group)).toMatchObject({ displayName: 'Retail' });
    const remove = await client.call('PATCH', `/Groups/${group}`, entra.legacy.removeMembers(adele));
    expect(remove.status, remove.text).toBe(204);
    expect(await team.groupMemberIds(group)).toEqual([ada]);
    expect(await team.groupsOf(adele)).toEqual([]);
  });

  it('9. disables with Replace active "False": suspended, still on the team and in the group', async () => {
    const off = await client.call('PATCH', `/Users/${ada}`, entra.legacy.disable);
    expect(off.status, off.text).toBe(200);
    expect(off.json?.active).toBe(false);
    expect(await team.member(ada)).toMatchObject({ status: 'suspended', source: 'scim' });
    const [log] = await client.auditRows();
    expect(log).toMatchObject({ action: 'scim.user.patch', status: 200, idp: 'entra' });
    expect(JSON.stringify(log?.summary)).toMatch(/string boolean/i);
    expect(await team.groupMemberIds(group)).toEqual([ada]);
    expect((await client.call('GET', `/Users/${ada}`)).json).toMatchObject({ id: ada, active: false });
  });

  it('10. restores with Replace active "True"', async () => {
    const on = await client.call('PATCH', `/Users/${ada}`, entra.legacy.enable);
    expect(on.status).toBe(200);
    expect(on.json?.active).toBe(true);
    expect(await team.member(ada)).toMatchObject({ status: 'active' });
  });

  it('11. deletes the manager: 204, off the team and out of every group, then 404; the report stays', async () => {
    const gone = await client.call('DELETE', `/Users/${ada}`);
    expect(gone.status).toBe(204);
    expect(gone.text).toBe('');
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.user.delete', status: 204, idp: 'entra' });
    expect(await team.member(ada)).toBeUndefined();
    expect(await team.groupMemberIds(group)).toEqual([]);
    expect(await team.member(adele)).toMatchObject({ status: 'active', managerId: null });
    const again = await client.call('GET', `/Users/${ada}`);
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ status: '404' });
  });

  it('12. deletes the group: 204, then 404; nobody leaves the team', async () => {
    expect((await client.call('DELETE', `/Groups/${group}`)).status).toBe(204);
    expect((await client.call('GET', `/Groups/${group}`)).status).toBe(404);
    expect(await team.group(group)).toBeUndefined();
    expect(await team.scimUserNames()).toEqual(['AdeleV@contoso.example']);
  });
});
