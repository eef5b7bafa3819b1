import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { addGroupMembers } from '@/lib/groups/group-membership';
import { updateDirectoryPolicy } from '@/lib/policy/update-directory-policy';
import { addByHand, memberRow, ownerOf, scimGroup, scimUser, SYSTEM } from '@/test/policy-helpers';
import { patchBody, scimClientFor, userBody } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';

// DESIGN.md "Access policy": a SCIM create matching a member not yet managed by SCIM adopts it.
describe.each(testDrivers())('adoption of hand-added members on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('a create matching userName (any case) adopts: 201 with the existing id, SCIM-managed, hand role, invite and groups kept', async () => {
    const client = await scimClientFor(handle.db);
    const id = await addByHand(handle.db, client.orgId, `Ada.${client.slug}@example.test`, 'admin');
    const group = await scimGroup(client, 'Engineering');
    await handle.db.transaction((tx) => addGroupMembers(tx, client.orgId, group, [id]));
    const before = await memberRow(handle.db, client.orgId, id);
    const reply = await client.call('POST', '/Users', userBody(`ada.${client.slug}@EXAMPLE.test`, { displayName: 'Ada L.', externalId: 'ext-ada' }));
    expect(reply.status, reply.text).toBe(201);
    expect(reply.json).toMatchObject({ id, displayName: 'Ada L.', externalId: 'ext-ada', active: true });
    expect(reply.headers.get('location')).toMatch(new RegExp(`/Users/${id}$`));
    const after = await memberRow(handle.db, client.orgId, id);
    expect(after).toMatchObject({ source: 'scim', role: 'admin', grantedRole: 'admin', inviteTokenHash: before?.inviteTokenHash, displayName: 'Ada L.' });
    expect((await client.call('GET', `/Groups/${group}`)).json?.members).toEqual([expect.objectContaining({ value: id })]);
    const logged = (await client.auditRows()).find((r) => r.action === 'scim.user.create');
    expect(logged).toMatchObject({ status: 201, resourceId: id, summary: expect.objectContaining({ adopted: true }) });
  });

  it('adopts by work email when the userName differs, and adopts the owner who signed up', async () => {
    const client = await scimClientFor(handle.db);
    const id = await addByHand(handle.db, client.orgId, `grace.${client.slug}@example.test`);
    const reply = await client.call(
      'POST',
      '/Users',
      userBody(`gh-${client.slug}`, { emails: [{ value: `GRACE.${client.slug}@example.test`, type: 'work', primary: true }] }),
    );
    expect(reply.status).toBe(201);
    expect(reply.json?.id).toBe(id);
    const owner = await ownerOf(handle.db, client);
    expect(await scimUser(client, client.ownerEmail)).toBe(owner.id);
    expect(await memberRow(handle.db, client.orgId, owner.id)).toMatchObject({ source: 'scim', role: 'owner', accountId: client.ownerAccountId });
  });

  it('never adopts a member already managed by SCIM (409), nor across orgs', async () => {
    const client = await scimClientFor(handle.db);
    await scimUser(client, `dup-${client.slug}@example.test`);
    const dup = await client.call('POST', '/Users', userBody(`dup-${client.slug}@example.test`));
    expect(dup.status).toBe(409);
    expect(dup.json?.scimType).toBe('uniqueness');
    const other = await scimClientFor(handle.db);
    const foreign = await addByHand(handle.db, other.orgId, `shared-${client.slug}@example.test`);
    const created = await client.call('POST', '/Users', userBody(`shared-${client.slug}@example.test`));
    expect(created.status).toBe(201);
    expect(created.json?.id).not.toBe(foreign);
    expect((await memberRow(handle.db, other.orgId, foreign))?.source).toBe('manual');
  });

  it('with adoption turned off, a matching create is a 409 as before and the member stays manual', async () => {
    const client = await scimClientFor(handle.db);
    await updateDirectoryPolicy(handle.db, client.orgId, { adoptionEnabled: false }, SYSTEM);
    const id = await addByHand(handle.db, client.orgId, `off-${client.slug}@example.test`);
    const reply = await client.call('POST', '/Users', userBody(`off-${client.slug}@example.test`));
    expect(reply.status).toBe(409);
    expect((await memberRow(handle.db, client.orgId, id))?.source).toBe('manual');
  });

  it('lookup-then-PATCH adoption ends the same way: SCIM-managed, logged as adopted', async () => {
    const client = await scimClientFor(handle.db);
    const id = await addByHand(handle.db, client.orgId, `okta-${client.slug}@example.test`);
    const found = await client.call('GET', `/Users?filter=${encodeURIComponent(`userName eq "okta-${client.slug}@example.test"`)}`);
    expect(found.json?.Resources).toEqual([expect.objectContaining({ id })]);
    const patched = await client.call('PATCH', `/Users/${id}`, patchBody({ op: 'replace', value: { displayName: 'From Okta' } }));
    expect(patched.status).toBe(200);
    expect(await memberRow(handle.db, client.orgId, id)).toMatchObject({ source: 'scim', displayName: 'From Okta' });
    const [logged] = await client.auditRows();
    expect(logged?.summary).toMatchObject({ adopted: true });
  });

  it('parallel creates of one hand-added person: one adoption, the others 201 with the same id or 409, one row', async () => {
    const client = await scimClientFor(handle.db);
    const id = await addByHand(handle.db, client.orgId, `race-${client.slug}@example.test`);
    const replies = await Promise.all(Array.from({ length: 6 }, () => client.call('POST', '/Users', userBody(`race-${client.slug}@example.test`))));
    expect(replies.filter((r) => r.status === 201).every((r) => r.json?.id === id)).toBe(true);
    expect(replies.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(replies.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect((await memberRow(handle.db, client.orgId, id))?.source).toBe('scim');
  });
});
