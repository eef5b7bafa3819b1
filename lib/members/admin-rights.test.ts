import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { findAccessPolicy } from '@/lib/policy/find-access-policy';
import { addByHand, memberRow, ownerOf, scimUser, SYSTEM } from '@/test/policy-helpers';
import { patchBody, scimClientFor } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import { addMember } from './add-member';
import { findTeamMembers } from './find-team-members';
import { removeMember } from './remove-member';

// README "Access policy": admins add people by hand and remove people added by hand who are
// not owners; owner-only acts stay owner-only (the actions check the caller's role, lib refuses).
describe.each(testDrivers())('what admins may do on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('an admin adds a member or an admin by hand, never an owner', async () => {
    const client = await scimClientFor(handle.db);
    const added = await addMember(
      handle.db,
      client.orgId,
      { givenName: 'Ann', familyName: 'Admin', email: `ann-${client.slug}@example.test`, role: 'admin' },
      SYSTEM,
      'admin',
    );
    expect((await memberRow(handle.db, client.orgId, added.memberId))?.role).toBe('admin');
    await expect(
      addMember(handle.db, client.orgId, { givenName: 'Oz', familyName: 'Owner', email: `oz-${client.slug}@example.test`, role: 'owner' }, SYSTEM, 'admin'),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const team = await findTeamMembers(handle.db, client.orgId, { page: 1 });
    expect(team.rows.map((r) => r.email)).not.toContain(`oz-${client.slug}@example.test`);
  });

  it('an admin removes a hand-added member but not an owner', async () => {
    const client = await scimClientFor(handle.db);
    const bob = await addByHand(handle.db, client.orgId, `bob-${client.slug}@example.test`);
    await removeMember(handle.db, client.orgId, bob, SYSTEM, 'admin');
    expect(await memberRow(handle.db, client.orgId, bob)).toBeUndefined();
    const coOwner = await addByHand(handle.db, client.orgId, `co-${client.slug}@example.test`, 'owner');
    await expect(removeMember(handle.db, client.orgId, coOwner, SYSTEM, 'admin')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await memberRow(handle.db, client.orgId, coOwner))?.role).toBe('owner');
  });

  it('the team page says where a role comes from, and the Security page shows a last-owner refusal', async () => {
    const client = await scimClientFor(handle.db);
    const owner = await ownerOf(handle.db, client);
    await scimUser(client, client.ownerEmail);
    const row = (await findTeamMembers(handle.db, client.orgId, { page: 1 })).rows.find((r) => r.id === owner.id);
    expect(row).toMatchObject({ role: 'owner', roleFrom: 'granted by hand', roleFromDirectory: false, source: 'scim' });
    expect((await findAccessPolicy(handle.db, client.orgId)).lastOwnerRefusal).toBeNull();
    expect((await client.call('PATCH', `/Users/${owner.id}`, patchBody({ op: 'replace', path: 'active', value: false }))).status).toBe(409);
    expect((await findAccessPolicy(handle.db, client.orgId)).lastOwnerRefusal).toMatchObject({ method: 'PATCH', path: `/Users/${owner.id}` });
  });
});
