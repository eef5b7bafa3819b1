import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { scimClientFor, userBody, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import * as okta from '@/test/idp-behaviour/okta';
import { EMPTY_LIST, sorted, teamState } from './team-state';

/**
 * Okta, OIN catalog app: PATCH only for activation (and password sync), GET + PUT for profile
 * changes, Push Groups by POST + PATCH, no user DELETE. Bodies from test/idp-behaviour/okta.ts.
 */
describe.each(testDrivers({ pooled: true }))('Okta catalog (OIN) app on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  let team: ReturnType<typeof teamState>;
  let user = '';
  let colleague = '';
  let group = '';
  const userName = okta.createUserBody.userName;

  beforeAll(async () => {
    handle = await open();
    client = await scimClientFor(handle.db, { userAgent: okta.OKTA_USER_AGENT });
    team = teamState(handle.db, client.orgId);
  });
  afterAll(() => handle.close());

  it('1. imports users page by page (Retrieve Users): GET /Users?startIndex=1&count=100 → ListResponse with integer paging', async () => {
    const page = await client.call('GET', okta.importUsersPath);
    expect(page.status).toBe(200);
    // Only the owner, who signed up by hand.
    expect(page.json).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.user.list', idp: 'okta' });
  });

  it('2. looks the user up before creating: empty ListResponse', async () => {
    const lookup = await client.call('GET', okta.lookupPath(userName));
    expect(lookup.status).toBe(200);
    expect(lookup.json).toEqual(EMPTY_LIST);
  });

  it('3. creates the user: 201, password dropped (never echoed, stored or logged), person active', async () => {
    const created = await client.call('POST', '/Users', okta.createUserBody);
    expect(created.status, created.text).toBe(201);
    user = String(created.json?.id);
    expect(created.json).toMatchObject({ userName, externalId: '00ujl29u0le5T6Aj10h7', active: true, displayName: 'Test User' });
    expect(created.text).not.toContain(okta.createUserBody.password);
    const row = await team.member(user);
    expect(row).toMatchObject({ source: 'scim', status: 'active', email: userName, locale: 'en-US' });
    expect(JSON.stringify(row)).not.toContain(okta.createUserBody.password);
    const [log] = await client.auditRows();
    expect(log).toMatchObject({ action: 'scim.user.create', status: 201, idp: 'okta' });
    expect(JSON.stringify(log)).not.toContain(okta.createUserBody.password);
  });

  it('4. finds the user again with userName in another case, and refuses a duplicate create with 409 uniqueness', async () => {
    const upper = await client.call('GET', okta.lookupPath(userName.toUpperCase()));
    expect(upper.json).toMatchObject({ totalResults: 1, Resources: [expect.objectContaining({ id: user })] });
    const dup = await client.call('POST', '/Users', { ...okta.createUserBody, userName: userName.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness' });
    expect(await team.scimUserNames()).toEqual([userName]);
  });

  it('5. profile update: GET the user, then PUT the whole body with the changes', async () => {
    const read = await client.call('GET', `/Users/${user}`);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: user, userName, active: true });
    const put = await client.call('PUT', `/Users/${user}`, okta.putUserBody(user, userName, true));
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ id: user, name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' }, active: true });
    expect(await team.member(user)).toMatchObject({ givenName: 'Another', middleName: 'Excited', status: 'active', email: userName });
  });

  it('6. password sync by PATCH is accepted and the password dropped', async () => {
    const sync = await client.call('PATCH', `/Users/${user}`, okta.syncPassword);
    expect([200, 204]).toContain(sync.status);
    expect(sync.text).not.toContain('N3w-Sync3d-Pa55');
    expect(JSON.stringify(await client.auditRows())).not.toContain('N3w-Sync3d-Pa55');
    expect(JSON.stringify(await team.member(user))).not.toContain('N3w-Sync3d-Pa55');
    expect(await team.member(user)).toMatchObject({ status: 'active', givenName: 'Another' });
  });

  it('7. Push Groups: POST the group, then PATCH remove-one/add-one, rename with its own id, full replace', async () => {
    colleague = String((await client.call('POST', '/Users', userBody('colleague@okta.local', { password: 'pl4ceholder' }))).json?.id);
    const created = await client.call('POST', '/Groups', okta.createGroupBody);
    expect(created.status, created.text).toBe(201);
    group = String(created.json?.id);
    expect(created.json).toMatchObject({ id: group, displayName: 'Test SCIMv2' });
    // RFC 7643 §2.5: an empty multi-valued attribute may be omitted; Okta reads either.
    expect(created.json?.members ?? []).toEqual([]);
    // The member Okta removes first is not in the group: not an error.
    const swap = await client.call('PATCH', `/Groups/${group}`, okta.swapMember(colleague, user, userName));
    expect([200, 204]).toContain(swap.status);
    expect(await team.groupMemberIds(group)).toEqual([user]);
    const rename = await client.call('PATCH', `/Groups/${group}`, okta.renameGroup(group, 'Test SCIMv20'));
    expect([200, 204]).toContain(rename.status);
    expect(await team.group(group)).toMatchObject({ displayName: 'Test SCIMv20' });
    const full = await client.call(
      'PATCH',
      `/Groups/${group}`,
      okta.replaceMembers({ value: user, display: userName }, { value: colleague, display: 'colleague@okta.local' }),
    );
    expect([200, 204]).toContain(full.status);
    expect(await team.groupMemberIds(group)).toEqual(sorted(user, colleague));
    const read = await client.call('GET', `/Groups/${group}`);
    expect(read.json).toMatchObject({ id: group, displayName: 'Test SCIMv20' });
    expect((read.json?.members as { value: string }[]).map((m) => m.value).sort()).toEqual(sorted(user, colleague));
  });

  it('8. deactivates (unassigned in Okta) with PATCH replace {active:false}: suspended, kept on team and in the group', async () => {
    const off = await client.call('PATCH', `/Users/${user}`, okta.setActive(false));
    expect(off.status, off.text).toBe(200);
    expect(off.json).toMatchObject({ id: user, active: false });
    expect(await team.member(user)).toMatchObject({ status: 'suspended', givenName: 'Another' });
    expect(await team.groupMemberIds(group)).toEqual(sorted(user, colleague));
    expect((await client.call('GET', okta.lookupPath(userName))).json).toMatchObject({
      totalResults: 1,
      Resources: [expect.objectContaining({ active: false })],
    });
  });

  it('9. reactivates with PATCH replace {active:true}', async () => {
    const on = await client.call('PATCH', `/Users/${user}`, okta.setActive(true));
    expect(on.json?.active).toBe(true);
    expect(await team.member(user)).toMatchObject({ status: 'active' });
  });

  it('10. imports groups page by page, then unlinks the pushed group with DELETE; users stay', async () => {
    const page = await client.call('GET', okta.importGroupsPath);
    expect(page.json).toMatchObject({ totalResults: 1, startIndex: 1, Resources: [expect.objectContaining({ id: group })] });
    const gone = await client.call('DELETE', `/Groups/${group}`);
    expect(gone.status).toBe(204);
    expect(await team.group(group)).toBeUndefined();
    expect(await team.scimUserNames()).toEqual(sorted('colleague@okta.local', userName));
    expect(await team.member(user)).toMatchObject({ status: 'active' });
    expect((await client.auditRows())[0]).toMatchObject({ action: 'scim.group.delete', status: 204, idp: 'okta' });
  });
});
