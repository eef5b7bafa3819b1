import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, groupMembers, members } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { GROUP_SCHEMA, patchBody, scimClientFor, userBody, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';

// Races between requests. On PostgreSQL they really interleave on a connection pool; on PGlite
// they are serialised by its single connection, which must give the same end states.
describe.each(testDrivers({ pooled: true }))('concurrent SCIM requests on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  beforeAll(async () => {
    handle = await open();
    client = await scimClientFor(handle.db);
  });
  afterAll(() => handle.close());

  it('20 parallel creates of one userName: exactly one 201, the rest 409, one row', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.call('POST', '/Users', userBody(i % 2 ? 'same@example.test' : 'SAME@example.test'))),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409).every((r) => r.json?.scimType === 'uniqueness')).toBe(true);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(19);
    const rows = await handle.db
      .select()
      .from(members)
      .where(and(eq(members.orgId, client.orgId), sql`lower(${members.userName}) = 'same@example.test'`));
    expect(rows).toHaveLength(1);
  });

  it('10 parallel membership PATCHes on one group end with the union of all members', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(String((await client.call('POST', '/Users', userBody(`union-${i}@example.test`))).json?.id));
    const group = String((await client.call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Union' })).json?.id);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client.call('PATCH', `/Groups/${group}`, patchBody({ op: 'add', path: 'members', value: ids.slice(i * 3, i * 3 + 3).map((value) => ({ value })) })),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(204));
    const rows = await handle.db
      .select({ id: groupMembers.memberId })
      .from(groupMembers)
      .where(and(eq(groupMembers.orgId, client.orgId), eq(groupMembers.groupId, group)));
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('a PATCH racing a DELETE leaves a consistent end state: the user is gone, with both calls logged', async () => {
    for (let round = 0; round < 5; round++) {
      const id = String((await client.call('POST', '/Users', userBody(`racer-${round}@example.test`))).json?.id);
      const [patch, del] = await Promise.all([
        client.call('PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'active', value: false })),
        client.call('DELETE', `/Users/${id}`),
      ]);
      expect(del.status).toBe(204);
      expect([200, 404]).toContain(patch.status);
      expect((await client.call('GET', `/Users/${id}`)).status).toBe(404);
      const logged = await handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, client.orgId), eq(auditEvents.resourceId, id)));
      expect(logged.map((r) => r.action).sort()).toEqual(expect.arrayContaining(['scim.user.create', 'scim.user.delete']));
    }
  });

  it('parallel If-Match guarded updates: one wins, the others get 412', async () => {
    const reply = await client.call('POST', '/Users', userBody('etag-race@example.test'));
    const id = String(reply.json?.id);
    const etag = reply.headers.get('etag') ?? '';
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        client.call('PUT', `/Users/${id}`, userBody('etag-race@example.test', { title: `Writer ${i}` }), { 'if-match': etag }),
      ),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 412)).toHaveLength(5);
    const winner = replies.find((r) => r.status === 200)?.json?.title;
    expect((await client.call('GET', `/Users/${id}`)).json).toMatchObject({ title: winner, meta: { version: 'W/"2"' } });
  });
});
