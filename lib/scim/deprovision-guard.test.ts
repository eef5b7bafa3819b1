import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { allowHeldDeprovisions, keepHeldDeprovisions, releaseKeptDeprovisions } from '@/lib/policy/decide-held-deprovisions';
import { findHeldDeprovisions } from '@/lib/policy/find-held-deprovisions';
import { updateDirectoryPolicy } from '@/lib/policy/update-directory-policy';
import { memberRow, scimUser, SYSTEM } from '@/test/policy-helpers';
import { patchBody, scimClientFor, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';

// DESIGN.md "Access policy": deprovisions beyond the threshold in a rolling hour are held for
// the owner: 503 + Retry-After, not applied; Allow applies them all, Keep refuses them.
describe.each(testDrivers())('the deprovisioning guard on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  async function orgWith(people: number): Promise<{ client: ScimClient; ids: string[] }> {
    const client = await scimClientFor(handle.db);
    const ids: string[] = [];
    for (let i = 0; i < people; i++) ids.push(await scimUser(client, `p${i}-${client.slug}@example.test`));
    return { client, ids };
  }
  const suspend = (client: ScimClient, id: string) => client.call('PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'active', value: false }));

  function expectHeld(reply: { status: number; headers: Headers; json: Record<string, unknown> | null }) {
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(reply.json).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '503' });
    expect(String(reply.json?.detail)).toMatch(/held for the owner's approval/i);
  }

  it('holds deletes beyond max(10, 20 %) in an hour: 503 + Retry-After, nothing applied; creates and updates pass', async () => {
    const { client, ids } = await orgWith(14);
    for (const id of ids.slice(0, 10)) expect((await client.call('DELETE', `/Users/${id}`)).status).toBe(204);
    expectHeld(await client.call('DELETE', `/Users/${ids[10]}`));
    expectHeld(await suspend(client, ids[11] ?? ''));
    expect(await memberRow(handle.db, client.orgId, ids[10] ?? '')).toMatchObject({ status: 'active' });
    expect(await memberRow(handle.db, client.orgId, ids[11] ?? '')).toMatchObject({ status: 'active' });
    expect(
      (await client.call('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `new-${client.slug}@example.test` })).status,
    ).toBe(201);
    expect((await client.call('PATCH', `/Users/${ids[12]}`, patchBody({ op: 'replace', path: 'title', value: 'Still here' }))).status).toBe(200);
    // The IdP's retry of a held request is held again, and counted.
    expectHeld(await client.call('DELETE', `/Users/${ids[10]}`));
    const held = await findHeldDeprovisions(handle.db, client.orgId);
    expect(held.held).toBe(2);
    expect(held.rows.map((r) => [r.memberId, r.kind, r.requests])).toEqual(
      expect.arrayContaining([
        [ids[10], 'delete', 2],
        [ids[11], 'suspend', 1],
      ]),
    );
    const log = (await client.auditRows()).filter((r) => r.status === 503);
    expect(log.every((r) => (r.summary as { policy?: string }).policy === 'deprovision-held')).toBe(true);
    expect(log).toHaveLength(3);

    // Allow: all applied in one transaction; the IdP's retries converge.
    expect(await allowHeldDeprovisions(handle.db, client.orgId, SYSTEM)).toEqual({ suspended: 1, deleted: 1 });
    expect(await memberRow(handle.db, client.orgId, ids[10] ?? '')).toBeUndefined();
    expect(await memberRow(handle.db, client.orgId, ids[11] ?? '')).toMatchObject({ status: 'suspended' });
    expect((await client.call('DELETE', `/Users/${ids[10]}`)).status).toBe(404);
    const again = await suspend(client, ids[11] ?? '');
    expect(again.status).toBe(200);
    expect(again.json?.active).toBe(false);
    expect((await findHeldDeprovisions(handle.db, client.orgId)).held).toBe(0);
  });

  it('Keep them: the people stay and later deprovisions of them are refused until released', async () => {
    const { client, ids } = await orgWith(4);
    await updateDirectoryPolicy(handle.db, client.orgId, { guardThreshold: 1 }, SYSTEM);
    expect((await client.call('DELETE', `/Users/${ids[0]}`)).status).toBe(204);
    expectHeld(await client.call('DELETE', `/Users/${ids[1]}`));
    expect(await keepHeldDeprovisions(handle.db, client.orgId, SYSTEM)).toBe(1);
    const refused = await client.call('DELETE', `/Users/${ids[1]}`);
    expect(refused.status).toBe(409);
    expect(String(refused.json?.detail)).toMatch(/chose to keep this person/);
    expect(await memberRow(handle.db, client.orgId, ids[1] ?? '')).toBeDefined();
    expect(await releaseKeptDeprovisions(handle.db, client.orgId, SYSTEM)).toBe(1);
    await updateDirectoryPolicy(handle.db, client.orgId, { guardEnabled: false }, SYSTEM);
    expect((await client.call('DELETE', `/Users/${ids[1]}`)).status).toBe(204);
    expect((await client.call('DELETE', `/Users/${ids[2]}`)).status).toBe(204);
  });

  it('parallel deletes crossing the threshold apply at most the threshold', async () => {
    const { client, ids } = await orgWith(16);
    await updateDirectoryPolicy(handle.db, client.orgId, { guardThreshold: 5 }, SYSTEM);
    const replies = await Promise.all(ids.map((id) => client.call('DELETE', `/Users/${id}`)));
    expect(replies.filter((r) => r.status === 204)).toHaveLength(5);
    expect(replies.filter((r) => r.status === 503)).toHaveLength(11);
    expect((await findHeldDeprovisions(handle.db, client.orgId)).held).toBe(11);
  });
});
