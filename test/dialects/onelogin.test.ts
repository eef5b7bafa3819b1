import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { scimClientFor, userBody, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import * as onelogin from '@/test/idp-behaviour/onelogin';
import { EMPTY_LIST, sorted, teamState, withFilter } from './team-state';

/**
 * OneLogin, SCIM Provisioner with SAML (SCIM v2 Enterprise): bodies rendered from the SCIM JSON
 * template, with string booleans and "" for unset fields (test/idp-behaviour/onelogin.ts).
 */
describe.each(testDrivers({ pooled: true }))('OneLogin (template bodies) on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  let team: ReturnType<typeof teamState>;
  let jane = '';
  let other = '';
  let group = '';
  const userName = onelogin.createUserBody.userName;

  beforeAll(async () => {
    handle = await open();
    client = await scimClientFor(handle.db, { userAgent: onelogin.ONELOGIN_USER_AGENT });
    team = teamState(handle.db, client.orgId);
  });
  afterAll(() => handle.close());

  it("1. Enable: reads the app's groups (empty) and looks the user up before creating", async () => {
    const groups = await client.call('GET', '/Groups');
    expect(groups.status).toBe(200);
    expect(groups.json).toEqual(EMPTY_LIST);
    const lookup = await client.call('GET', onelogin.lookupPath(userName));
    expect(lookup.json).toEqual(EMPTY_LIST);
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.user.list', status: 200, idp: 'onelogin' });
  });

  it('2. creates from the template: "true" strings coerced, "" fields left empty, person active', async () => {
    const created = await client.call('POST', '/Users', onelogin.createUserBody);
    expect(created.status, created.text).toBe(201);
    jane = String(created.json?.id);
    expect(created.json).toMatchObject({ userName, active: true, title: 'Engineer' });
    expect(created.json?.emails).toEqual([expect.objectContaining({ value: userName, type: 'work', primary: true })]);
    const row = await team.member(jane);
    expect(row).toMatchObject({
      source: 'scim',
      status: 'active',
      email: userName,
      givenName: 'Jane',
      familyName: 'Doe',
      department: 'Engineering',
      organization: 'Example Inc',
      employeeNumber: null,
      managerId: null,
    });
    expect(row?.phoneNumbers ?? []).toEqual([]);
    const [log] = await client.auditRows();
    expect(log).toMatchObject({ action: 'scim.user.create', status: 201, idp: 'onelogin' });
    expect(JSON.stringify(log?.summary)).toMatch(/string boolean/i);
  });

  it('3. updates by PUT of the re-rendered template', async () => {
    const put = await client.call('PUT', `/Users/${jane}`, onelogin.renderUser('true', 'Senior Engineer', jane));
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ id: jane, active: true, title: 'Senior Engineer' });
    expect(await team.member(jane)).toMatchObject({ status: 'active', title: 'Senior Engineer' });
  });

  it("4. pushes the role's group and adds its members", async () => {
    other = String((await client.call('POST', '/Users', userBody('john.roe@example.com', { active: 'true' }))).json?.id);
    const created = await client.call('POST', '/Groups', onelogin.createGroupBody);
    expect(created.status, created.text).toBe(201);
    group = String(created.json?.id);
    const add = await client.call('PATCH', `/Groups/${group}`, onelogin.addMembers(jane, other));
    expect([200, 204]).toContain(add.status);
    expect(await team.groupMemberIds(group)).toEqual(sorted(jane, other));
    const found = await client.call('GET', withFilter('/Groups', 'displayName eq "engineering"'));
    expect(found.json).toMatchObject({ totalResults: 1, Resources: [expect.objectContaining({ id: group })] });
  });

  it('5. suspends by PUT with "active": "false": suspended, still on the team and in the group', async () => {
    const put = await client.call('PUT', `/Users/${jane}`, onelogin.renderUser('false', 'Senior Engineer', jane));
    expect(put.status, put.text).toBe(200);
    expect(put.json?.active).toBe(false);
    expect(await team.member(jane)).toMatchObject({ status: 'suspended', title: 'Senior Engineer' });
    expect(await team.groupsOf(jane)).toEqual([group]);
    const listed = await client.call('GET', withFilter('/Users', 'active eq false'));
    expect((listed.json?.Resources as { id: string }[]).map((r) => r.id)).toEqual([jane]);
  });

  it('6. reactivates by PUT with "active": "true"', async () => {
    const put = await client.call('PUT', `/Users/${jane}`, onelogin.renderUser('true', 'Senior Engineer', jane));
    expect(put.json?.active).toBe(true);
    expect(await team.member(jane)).toMatchObject({ status: 'active' });
  });

  it('7. the role is taken away: remove with a value list drops only that member', async () => {
    const remove = await client.call('PATCH', `/Groups/${group}`, onelogin.removeMembers(other));
    expect([200, 204]).toContain(remove.status);
    expect(await team.groupMemberIds(group)).toEqual([jane]);
  });

  it('8. deleted in OneLogin (action "Delete"): DELETE removes her from the team and the group', async () => {
    const gone = await client.call('DELETE', `/Users/${jane}`);
    expect(gone.status).toBe(204);
    expect(await team.member(jane)).toBeUndefined();
    expect(await team.groupMemberIds(group)).toEqual([]);
    expect((await client.call('GET', `/Users/${jane}`)).status).toBe(404);
    expect(await team.scimUserNames()).toEqual(['john.roe@example.com']);
    // Recreating her later is a fresh create, not a 409 against a leftover.
    const again = await client.call('POST', '/Users', onelogin.createUserBody);
    expect(again.status, again.text).toBe(201);
    expect(again.json?.id).not.toBe(jane);
  });
});
