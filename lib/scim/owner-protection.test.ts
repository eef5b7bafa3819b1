import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { setMemberRole } from '@/lib/members/set-member-role';
import { setRoleMapping } from '@/lib/policy/set-role-mapping';
import { addByHand, memberRow, ownerOf, scimGroup, scimUser, SYSTEM } from '@/test/policy-helpers';
import { patchBody, scimClientFor, userBody, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';

// DESIGN.md "Access policy": no SCIM request may leave the org without an active owner.
describe.each(testDrivers())('owner protection over SCIM on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  /** A fresh org whose only owner the IdP has adopted (it knows the owner's id). */
  async function orgWithScimOwner(): Promise<{ client: ScimClient; ownerId: string; ownerEmail: string }> {
    const client = await scimClientFor(handle.db);
    const ownerId = await scimUser(client, client.ownerEmail.toUpperCase());
    expect(ownerId).toBe((await ownerOf(handle.db, client)).id);
    return { client, ownerId, ownerEmail: client.ownerEmail };
  }

  async function expectRefused(client: ScimClient, reply: { status: number; json: Record<string, unknown> | null }, ownerId: string) {
    expect(reply.status).toBe(409);
    expect(reply.json).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409' });
    expect(String(reply.json?.detail)).toMatch(/without an active owner.*make someone else an owner/i);
    expect(await memberRow(handle.db, client.orgId, ownerId)).toMatchObject({ status: 'active', role: 'owner' });
    const [logged] = await client.auditRows();
    expect(logged).toMatchObject({ status: 409, summary: expect.objectContaining({ policy: 'last-owner' }) });
  }

  it('refuses PATCH active=false, PUT active=false and DELETE of the last owner; nothing changes', async () => {
    const { client, ownerId, ownerEmail } = await orgWithScimOwner();
    await expectRefused(client, await client.call('PATCH', `/Users/${ownerId}`, patchBody({ op: 'replace', path: 'active', value: 'False' })), ownerId);
    await expectRefused(client, await client.call('PATCH', `/Users/${ownerId}`, patchBody({ op: 'replace', value: { active: false } })), ownerId);
    await expectRefused(client, await client.call('PUT', `/Users/${ownerId}`, userBody(ownerEmail, { active: false })), ownerId);
    await expectRefused(client, await client.call('DELETE', `/Users/${ownerId}`), ownerId);
    // Updates that keep the owner active still pass.
    expect((await client.call('PATCH', `/Users/${ownerId}`, patchBody({ op: 'replace', path: 'title', value: 'CEO' }))).status).toBe(200);
  });

  it('lets the IdP deprovision an owner once someone else is an owner (the retry succeeds)', async () => {
    const { client, ownerId } = await orgWithScimOwner();
    const refused = await client.call('PATCH', `/Users/${ownerId}`, patchBody({ op: 'replace', path: 'active', value: false }));
    expect(refused.status).toBe(409);
    const other = await addByHand(handle.db, client.orgId, `second-${client.slug}@example.test`, 'owner');
    expect((await memberRow(handle.db, client.orgId, other))?.role).toBe('owner');
    const retried = await client.call('PATCH', `/Users/${ownerId}`, patchBody({ op: 'replace', path: 'active', value: false }));
    expect(retried.status).toBe(200);
    expect(retried.json?.active).toBe(false);
  });

  it('a suspended owner does not count: deleting the only active owner is refused', async () => {
    const { client, ownerId } = await orgWithScimOwner();
    const second = await scimUser(client, `co-owner-${client.slug}@example.test`);
    await setRoleMapping(handle.db, client.orgId, await scimGroup(client, 'Owners', [second]), 'owner', SYSTEM);
    expect((await client.call('PATCH', `/Users/${second}`, patchBody({ op: 'replace', path: 'active', value: false }))).status).toBe(200);
    const refused = await client.call('DELETE', `/Users/${ownerId}`);
    expect(refused.status).toBe(409);
  });

  it('a PATCH that removes `active` never reactivates a suspended person', async () => {
    const client = await scimClientFor(handle.db);
    const id = await scimUser(client, `sleeper-${client.slug}@example.test`, { active: false });
    const reply = await client.call('PATCH', `/Users/${id}`, patchBody({ op: 'remove', path: 'active' }));
    expect(reply.status).toBe(200);
    expect(reply.json?.active).toBe(false);
    expect((await memberRow(handle.db, client.orgId, id))?.status).toBe('suspended');
  });

  it('refuses a group change that would take the last owner role away through a mapping', async () => {
    const client = await scimClientFor(handle.db);
    const owner = await ownerOf(handle.db, client);
    const lead = await scimUser(client, `lead-${client.slug}@example.test`);
    const group = await scimGroup(client, 'Owners', [lead]);
    await setRoleMapping(handle.db, client.orgId, group, 'owner', SYSTEM);
    expect((await memberRow(handle.db, client.orgId, lead))?.role).toBe('owner');
    // The hand owner steps down: the mapped owner is now the only one.
    await setMemberRole(handle.db, client.orgId, owner.id, 'member', SYSTEM);
    const removal = await client.call('PATCH', `/Groups/${group}`, patchBody({ op: 'remove', path: `members[value eq "${lead}"]` }));
    expect(removal.status).toBe(409);
    expect(String(removal.json?.detail)).toMatch(/without an active owner/);
    expect((await memberRow(handle.db, client.orgId, lead))?.role).toBe('owner');
    expect((await client.call('GET', `/Groups/${group}`)).json?.members).toEqual([expect.objectContaining({ value: lead })]);
    const emptied = await client.call('PUT', `/Groups/${group}`, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Owners',
      members: [],
    });
    expect(emptied.status).toBe(409);
    expect((await client.call('DELETE', `/Groups/${group}`)).status).toBe(409);
    await expect(setRoleMapping(handle.db, client.orgId, group, null, SYSTEM)).rejects.toThrow(/without an active owner/);
  });

  it('two parallel deprovisions of the last two owners leave exactly one owner', async () => {
    for (const verb of ['PATCH', 'DELETE'] as const) {
      const { client, ownerId } = await orgWithScimOwner();
      const second = await scimUser(client, `pair-${client.slug}@example.test`);
      await setRoleMapping(handle.db, client.orgId, await scimGroup(client, 'Owners', [second]), 'owner', SYSTEM);
      const send = (id: string) =>
        verb === 'PATCH'
          ? client.call('PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'active', value: false }))
          : client.call('DELETE', `/Users/${id}`);
      const replies = await Promise.all([send(ownerId), send(second)]);
      expect(replies.map((r) => r.status).sort()).toEqual([verb === 'PATCH' ? 200 : 204, 409].sort());
      const left = await Promise.all([memberRow(handle.db, client.orgId, ownerId), memberRow(handle.db, client.orgId, second)]);
      expect(left.filter((m) => m?.status === 'active' && m.role === 'owner')).toHaveLength(1);
    }
  });
});
