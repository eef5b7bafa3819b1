import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { setMemberRole } from '@/lib/members/set-member-role';
import { findRoleSources } from '@/lib/policy/find-role-sources';
import { setRoleMapping } from '@/lib/policy/set-role-mapping';
import { updateDirectoryPolicy } from '@/lib/policy/update-directory-policy';
import { addByHand, memberRow, ownerOf, scimGroup, scimUser, SYSTEM } from '@/test/policy-helpers';
import { GROUP_SCHEMA, patchBody, scimClientFor } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';

// DESIGN.md "Access policy": effective role = highest of mapped roles, the default role for
// provisioned people, and the role granted by hand; recomputed in every change's transaction.
describe.each(testDrivers())('roles from IdP groups on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  const role = async (orgId: string, id: string) => (await memberRow(handle.db, orgId, id))?.role;
  const label = async (orgId: string, id: string) => (await findRoleSources(handle.db, orgId, [id])).get(id);

  it('a person pushed into a mapped group turns admin, and back to member when removed', async () => {
    const client = await scimClientFor(handle.db);
    const [a, b] = [await scimUser(client, `a-${client.slug}@example.test`), await scimUser(client, `b-${client.slug}@example.test`)];
    const group = await scimGroup(client, 'Platform-Leads');
    await setRoleMapping(handle.db, client.orgId, group, 'admin', SYSTEM);
    const etag = (await client.call('GET', `/Users/${a}`)).headers.get('etag');
    expect((await client.call('PATCH', `/Groups/${group}`, patchBody({ op: 'add', path: 'members', value: [{ value: a }] }))).status).toBe(204);
    expect(await role(client.orgId, a)).toBe('admin');
    expect(await role(client.orgId, b)).toBe('member');
    expect(await label(client.orgId, a)).toMatchObject({ role: 'admin', via: 'group', label: 'via Platform-Leads' });
    // The role is not a SCIM attribute: the IdP's ETag does not move.
    expect((await client.call('GET', `/Users/${a}`)).headers.get('etag')).toBe(etag);
    // A rename keeps the mapping (it follows the group, not its name).
    await client.call('PATCH', `/Groups/${group}`, patchBody({ op: 'replace', path: 'displayName', value: 'Platform Leads' }));
    expect(await label(client.orgId, a)).toMatchObject({ label: 'via Platform Leads' });
    await client.call('PATCH', `/Groups/${group}`, patchBody({ op: 'remove', path: `members[value eq "${a}"]` }));
    expect(await role(client.orgId, a)).toBe('member');
  });

  it('PUT (replace members), remove-all and DELETE of a mapped group recompute who left', async () => {
    const client = await scimClientFor(handle.db);
    const ids = [await scimUser(client, `r1-${client.slug}@example.test`), await scimUser(client, `r2-${client.slug}@example.test`)];
    const group = await scimGroup(client, 'Admins', [ids[0] ?? '']);
    await setRoleMapping(handle.db, client.orgId, group, 'admin', SYSTEM);
    expect(await role(client.orgId, ids[0] ?? '')).toBe('admin');
    await client.call('PUT', `/Groups/${group}`, { schemas: [GROUP_SCHEMA], displayName: 'Admins', members: [{ value: ids[1] }] });
    expect([await role(client.orgId, ids[0] ?? ''), await role(client.orgId, ids[1] ?? '')]).toEqual(['member', 'admin']);
    await client.call('PATCH', `/Groups/${group}`, patchBody({ op: 'remove', path: 'members' }));
    expect(await role(client.orgId, ids[1] ?? '')).toBe('member');
    await client.call('PATCH', `/Groups/${group}`, patchBody({ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }));
    expect(await role(client.orgId, ids[1] ?? '')).toBe('admin');
    expect((await client.call('DELETE', `/Groups/${group}`)).status).toBe(204);
    expect([await role(client.orgId, ids[0] ?? ''), await role(client.orgId, ids[1] ?? '')]).toEqual(['member', 'member']);
  });

  it('the highest wins: hand-granted owner stays owner in an admin group; the mapping lifts a hand member', async () => {
    const client = await scimClientFor(handle.db);
    const owner = await ownerOf(handle.db, client);
    const hand = await addByHand(handle.db, client.orgId, `hand-${client.slug}@example.test`);
    const group = await scimGroup(client, 'Staff', [owner.id, hand]);
    await setRoleMapping(handle.db, client.orgId, group, 'admin', SYSTEM);
    expect(await label(client.orgId, owner.id)).toMatchObject({ role: 'owner', via: 'hand', label: 'granted by hand' });
    expect(await role(client.orgId, hand)).toBe('admin');
    await setRoleMapping(handle.db, client.orgId, group, null, SYSTEM);
    expect(await role(client.orgId, hand)).toBe('member');
  });

  it('the default role applies to people the IdP provisions (and adopts), and follows its changes', async () => {
    const client = await scimClientFor(handle.db);
    await updateDirectoryPolicy(handle.db, client.orgId, { defaultRole: 'admin' }, SYSTEM);
    const created = await scimUser(client, `d-${client.slug}@example.test`);
    expect(await label(client.orgId, created)).toMatchObject({ role: 'admin', via: 'default' });
    const hand = await addByHand(handle.db, client.orgId, `h-${client.slug}@example.test`);
    expect(await role(client.orgId, hand)).toBe('member');
    await scimUser(client, `h-${client.slug}@example.test`);
    expect(await role(client.orgId, hand)).toBe('admin');
    await updateDirectoryPolicy(handle.db, client.orgId, { defaultRole: 'member' }, SYSTEM);
    expect([await role(client.orgId, created), await role(client.orgId, hand)]).toEqual(['member', 'member']);
  });

  it('an owner by mapping cannot be demoted by hand; the refusal says where the role comes from', async () => {
    const client = await scimClientFor(handle.db);
    const lead = await scimUser(client, `boss-${client.slug}@example.test`);
    const group = await scimGroup(client, 'Founders', [lead]);
    await setRoleMapping(handle.db, client.orgId, group, 'owner', SYSTEM);
    await expect(setMemberRole(handle.db, client.orgId, lead, 'member', SYSTEM)).rejects.toThrow(/Owner via Founders/);
    expect(await memberRow(handle.db, client.orgId, lead)).toMatchObject({ role: 'owner', grantedRole: 'member' });
  });

  it('mapping a group moves exactly its members (one statement), nobody else', async () => {
    const client = await scimClientFor(handle.db);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await scimUser(client, `bulk-${i}-${client.slug}@example.test`));
    const group = await scimGroup(client, 'Everyone', ids.slice(0, 30));
    const { rolesMoved } = await setRoleMapping(handle.db, client.orgId, group, 'admin', SYSTEM);
    expect(rolesMoved).toBe(30);
    expect(await role(client.orgId, ids[35] ?? '')).toBe('member');
  });
});
