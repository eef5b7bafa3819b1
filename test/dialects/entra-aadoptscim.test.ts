import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { scimClientFor, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import * as entra from '@/test/idp-behaviour/entra';
import { EMPTY_LIST, sorted, teamState, withFilter } from './team-state';

/**
 * Microsoft Entra ID with `?aadOptscim062020` appended to the Tenant URL (Known issues … "Flags
 * to alter the SCIM behavior"): RFC-shaped PATCH. The flag rides on every request's query
 * string, so Roster must ignore the unknown parameter everywhere. Steps run in order.
 */
const FLAG = 'aadOptscim062020';
const at = (path: string) => `${path}?${FLAG}`;

describe.each(testDrivers({ pooled: true }))('Entra ID with aadOptscim062020 on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  let team: ReturnType<typeof teamState>;
  let user = '';
  let peer = '';
  let group = '';

  beforeAll(async () => {
    handle = await open();
    client = await scimClientFor(handle.db, { userAgent: entra.ENTRA_USER_AGENT });
    team = teamState(handle.db, client.orgId);
  });
  afterAll(() => handle.close());

  it('1. Test Connection with the flag in the query: 200 and empty ListResponses', async () => {
    const users = await client.call('GET', withFilter('/Users', entra.probe.userFilter, FLAG));
    expect(users.status, users.text).toBe(200);
    expect(users.json).toEqual(EMPTY_LIST);
    const groups = await client.call('GET', withFilter('/Groups', entra.probe.groupFilter, `${FLAG}&excludedAttributes=members`));
    expect(groups.json).toEqual(EMPTY_LIST);
    expect((await client.auditRows())[0]).toMatchObject({ status: 200, idp: 'entra' });
  });

  it('2. looks up and creates two users (tutorial and default-mapping bodies)', async () => {
    const lookup = await client.call('GET', withFilter('/Users', `userName eq "${entra.createUserBody.userName}"`, FLAG));
    expect(lookup.json).toMatchObject({ totalResults: 0 });
    const created = await client.call('POST', at('/Users'), entra.createUserBody);
    expect(created.status, created.text).toBe(201);
    user = String(created.json?.id);
    // The Location is the resource's own URL, without the caller's query string.
    expect(created.headers.get('location')).toBe(`https://roster.test/api/scim/v2/Users/${user}`);
    const second = await client.call('POST', at('/Users'), entra.createMappedUserBody(user));
    expect(second.status, second.text).toBe(201);
    peer = String(second.json?.id);
    expect(await team.member(user)).toMatchObject({ status: 'active', source: 'scim' });
    expect(await team.member(peer)).toMatchObject({ status: 'active', managerId: user });
  });

  it('3. reads the user by id with the flag', async () => {
    const read = await client.call('GET', at(`/Users/${user}`));
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: user, userName: entra.createUserBody.userName, active: true });
  });

  it('4. applies the flagged update: filtered email replace plus a no-path replace with dotted keys and a URN key', async () => {
    const update = await client.call('PATCH', at(`/Users/${user}`), entra.flagged.replaceMultiple);
    expect(update.status, update.text).toBe(200);
    expect(update.json).toMatchObject({ displayName: 'Bjfe', name: { givenName: 'Kkom', familyName: 'Unua' } });
    expect(await team.member(user)).toMatchObject({
      displayName: 'Bjfe',
      givenName: 'Kkom',
      familyName: 'Unua',
      employeeNumber: 'Aklq',
      email: 'TestMhvaes@test.microsoft.com',
      externalId: entra.createUserBody.externalId,
      status: 'active',
    });
  });

  it('5. adds a single-value string attribute with lower-case add', async () => {
    const add = await client.call('PATCH', at(`/Users/${user}`), entra.flagged.addNickName);
    expect(add.status).toBe(200);
    expect((await team.member(user))?.nickName).toBe('Babs');
  });

  it('6. pushes a group and adds both users', async () => {
    const created = await client.call('POST', at('/Groups'), entra.createGroupBody);
    expect(created.status, created.text).toBe(201);
    group = String(created.json?.id);
    const add = await client.call('PATCH', at(`/Groups/${group}`), entra.flagged.addMembers(user, peer));
    expect(add.status, add.text).toBe(204);
    expect(await team.groupMemberIds(group)).toEqual(sorted(user, peer));
    const found = await client.call('GET', withFilter('/Groups', 'displayName eq "displayName"', `${FLAG}&excludedAttributes=members`));
    expect((found.json?.Resources as { id: string }[]).map((r) => r.id)).toEqual([group]);
  });

  it('7. removes one member with members[value eq "…"]; the other stays', async () => {
    const remove = await client.call('PATCH', at(`/Groups/${group}`), entra.flagged.removeMember(peer));
    expect(remove.status, remove.text).toBe(204);
    expect(await team.groupMemberIds(group)).toEqual([user]);
    // Removing someone already gone is not an error (Entra retries).
    expect((await client.call('PATCH', at(`/Groups/${group}`), entra.flagged.removeMember(peer))).status).toBe(204);
    expect(await team.groupMemberIds(group)).toEqual([user]);
  });

  it('8. disables with a real boolean: suspended, still on the team and in the group', async () => {
    const off = await client.call('PATCH', at(`/Users/${user}`), entra.flagged.disable);
    expect(off.status, off.text).toBe(200);
    expect(off.json?.active).toBe(false);
    const [log] = await client.auditRows();
    expect(log).toMatchObject({ action: 'scim.user.patch', status: 200, idp: 'entra' });
    // Nothing needed adapting: no string boolean, no capitalised op.
    expect(JSON.stringify(log?.summary ?? {})).not.toMatch(/string boolean|capitali/i);
    expect(await team.member(user)).toMatchObject({ status: 'suspended' });
    expect(await team.groupMemberIds(group)).toEqual([user]);
    const listed = await client.call('GET', withFilter('/Users', `userName eq "${entra.createUserBody.userName}"`, FLAG));
    expect(listed.json).toMatchObject({ totalResults: 1, Resources: [expect.objectContaining({ id: user, active: false })] });
  });

  it('9. restores with active true', async () => {
    const on = await client.call('PATCH', at(`/Users/${user}`), entra.flagged.enable);
    expect(on.json?.active).toBe(true);
    expect(await team.member(user)).toMatchObject({ status: 'active' });
  });

  it('10. deletes the user and the group', async () => {
    expect((await client.call('DELETE', at(`/Users/${user}`))).status).toBe(204);
    expect(await team.member(user)).toBeUndefined();
    expect(await team.groupMemberIds(group)).toEqual([]);
    expect((await client.call('GET', at(`/Users/${user}`))).status).toBe(404);
    expect((await client.call('DELETE', at(`/Groups/${group}`))).status).toBe(204);
    expect(await team.group(group)).toBeUndefined();
    expect(await team.scimUserNames()).toEqual(['AdeleV@contoso.example']);
    expect(await team.member(peer)).toMatchObject({ status: 'active', managerId: null });
  });
});
