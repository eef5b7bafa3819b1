import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { ENTERPRISE_SCHEMA, patchBody, scimClientFor, userBody, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';

const q = (filter: string) => `/Users?filter=${encodeURIComponent(filter)}`;

describe.each(testDrivers())('SCIM /Users on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());
  beforeAll(async () => {
    client = await scimClientFor(handle.db);
  });

  async function create(userName: string, extra: Record<string, unknown> = {}) {
    const reply = await client.call('POST', '/Users', userBody(userName, extra));
    expect(reply.status, reply.text).toBe(201);
    return reply;
  }

  it('creates a user: 201, Location, ETag, meta, and the person on the team as SCIM-managed', async () => {
    const reply = await create('ada@example.test', { externalId: 'ext-ada', displayName: 'Ada Lovelace' });
    const id = String(reply.json?.id);
    expect(reply.headers.get('content-type')).toBe('application/scim+json');
    expect(reply.headers.get('location')).toBe(`https://roster.test/api/scim/v2/Users/${id}`);
    expect(reply.headers.get('etag')).toBe('W/"1"');
    expect(reply.json).toMatchObject({
      userName: 'ada@example.test',
      externalId: 'ext-ada',
      active: true,
      meta: { resourceType: 'User', location: `https://roster.test/api/scim/v2/Users/${id}`, version: 'W/"1"' },
    });
    const [row] = await handle.db
      .select()
      .from(members)
      .where(and(eq(members.orgId, client.orgId), eq(members.id, id)));
    expect(row).toMatchObject({ source: 'scim', status: 'active', email: 'ada@example.test', displayName: 'Ada Lovelace' });
    // The reply is the stored row, and the sync-log row written by the same statement names it.
    expect(reply.json?.meta).toMatchObject({ created: row?.createdAt.toISOString() });
    const logged = (await client.auditRows()).find((r) => r.action === 'scim.user.create');
    expect(logged).toMatchObject({ resourceId: id, resourceType: 'User', status: 201, actorId: client.tokenId });
    expect(logged?.summary).toMatchObject({ method: 'POST', path: '/Users' });
  });

  it('refuses a second userName differing only in case with 409 uniqueness naming the field', async () => {
    await create('grace@example.test');
    const dup = await client.call('POST', '/Users', userBody('GRACE@example.test'));
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect(String(dup.json?.detail)).toMatch(/userName/);
  });

  it('gives exactly one 201 for concurrent creates of one userName', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => client.call('POST', '/Users', userBody('race@example.test'))));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(7);
    const rows = await handle.db
      .select()
      .from(members)
      .where(and(eq(members.orgId, client.orgId), eq(members.userName, 'race@example.test')));
    expect(rows).toHaveLength(1);
  });

  it('requires a primary work email, but takes it from an email-shaped userName', async () => {
    const noEmail = await client.call('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'no-email-user' });
    expect(noEmail.status).toBe(400);
    expect(String(noEmail.json?.detail)).toMatch(/email/i);
    const fromUserName = await client.call('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'Only.UserName@example.test',
    });
    expect(fromUserName.status).toBe(201);
    expect(fromUserName.json?.emails).toEqual([expect.objectContaining({ value: 'Only.UserName@example.test' })]);
  });

  it('drops the placeholder password Okta sends: never stored, echoed or logged', async () => {
    const reply = await create('okta.pw@example.test', { password: 'Sup3rSecret!Placeholder' });
    expect(reply.text).not.toContain('Sup3rSecret');
    const rows = await handle.db.select().from(members).where(eq(members.userName, 'okta.pw@example.test'));
    expect(JSON.stringify(rows)).not.toContain('Sup3rSecret');
    const audit = await client.auditRows();
    expect(JSON.stringify(audit)).not.toContain('Sup3rSecret');
    expect(audit[0]?.summary).toMatchObject({ ignoredAttributes: expect.arrayContaining(['password']) });
  });

  it("answers Entra's connection test (a random userName) with 200 and an empty ListResponse", async () => {
    const reply = await client.call('GET', q('userName eq "1b2c3d4e-entra-probe@nowhere.test"'));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('finds users by userName in any case, externalId (quoted or not) and work email', async () => {
    await create('Lookup.Person@example.test', { externalId: 'jyoung' });
    for (const filter of [
      'userName eq "LOOKUP.PERSON@EXAMPLE.TEST"',
      'externalId eq "jyoung"',
      'externalId eq jyoung',
      'emails[type eq "work"].value eq "lookup.person@example.test"',
      'emails.value eq "lookup.person@example.test"',
      'USERNAME Eq "lookup.person@example.test"',
    ]) {
      const reply = await client.call('GET', q(filter));
      expect(reply.status, filter).toBe(200);
      expect(reply.json?.totalResults, filter).toBe(1);
    }
  });

  it('rejects an unknown filter attribute with 400 invalidFilter instead of widening the result', async () => {
    const reply = await client.call('GET', q('userName eq "x" or favouriteColour eq "blue"'));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ scimType: 'invalidFilter' });
    expect((await client.call('GET', q('userName eq'))).json).toMatchObject({ scimType: 'invalidFilter' });
  });

  it('pages in a stable order that never skips or repeats, with totalResults from a count', async () => {
    const paged = await scimClientFor(handle.db);
    for (let i = 0; i < 7; i++) await paged.call('POST', '/Users', userBody(`page-${i}@example.test`));
    // 8 users: the 7 provisioned and the org's owner, who signed up by hand.
    const seen: string[] = [];
    for (let start = 1; start <= 8; start += 3) {
      const reply = await paged.call('GET', `/Users?startIndex=${start}&count=3`);
      expect(reply.json).toMatchObject({ totalResults: 8, startIndex: start });
      seen.push(...(reply.json?.Resources as { id: string }[]).map((r) => r.id));
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const sorted = await paged.call('GET', '/Users?sortBy=userName&sortOrder=descending&count=2&attributes=userName');
    expect((sorted.json?.Resources as { userName: string }[]).map((r) => r.userName)).toEqual(['page-6@example.test', 'page-5@example.test']);
    expect(Object.keys((sorted.json?.Resources as object[])[0] ?? {}).sort()).toEqual(['id', 'schemas', 'userName']);
  });

  it('suspends on Entra\'s PATCH Replace active "False" and restores on "True", keeping the person', async () => {
    const id = String((await create('entra.suspend@example.test')).json?.id);
    const off = await client.call('PATCH', `/Users/${id}`, patchBody({ op: 'Replace', path: 'active', value: 'False' }));
    expect(off.status, off.text).toBe(200);
    expect(off.json?.active).toBe(false);
    const [row] = await handle.db
      .select()
      .from(members)
      .where(and(eq(members.orgId, client.orgId), eq(members.id, id)));
    expect(row?.status).toBe('suspended');
    expect((await client.call('GET', `/Users/${id}`)).json?.active).toBe(false);
    expect((await client.call('GET', q('active eq false'))).json?.totalResults).toBeGreaterThanOrEqual(1);
    const on = await client.call('PATCH', `/Users/${id}`, patchBody({ op: 'replace', value: { active: 'True' } }));
    expect(on.json?.active).toBe(true);
    // The newest PATCH row (a read's row and a change's row can share a millisecond on PGlite).
    const log = (await client.auditRows()).find((r) => r.action === 'scim.user.patch');
    expect(log).toMatchObject({ action: 'scim.user.patch', status: 200 });
    expect(JSON.stringify(log?.summary)).toMatch(/string boolean/i);
  });

  it('creates a work phone from a filtered replace, clears with "", and handles enterprise attributes and manager', async () => {
    const boss = String((await create('boss@example.test')).json?.id);
    const id = String((await create('report@example.test', { title: 'Engineer' })).json?.id);
    const reply = await client.call(
      'PATCH',
      `/Users/${id}`,
      patchBody(
        { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '+1 555 0100' },
        { op: 'Replace', path: 'title', value: '' },
        { op: 'Add', path: `${ENTERPRISE_SCHEMA}:department`, value: 'R&D' },
        { op: 'Add', path: `${ENTERPRISE_SCHEMA}:manager`, value: boss },
        { op: 'replace', value: { 'name.givenName': 'Rita', [`${ENTERPRISE_SCHEMA}:employeeNumber`]: 'E-42' } },
      ),
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json?.phoneNumbers).toEqual([expect.objectContaining({ type: 'work', value: '+1 555 0100' })]);
    expect(reply.json?.title).toBeUndefined();
    expect(reply.json?.name).toMatchObject({ givenName: 'Rita' });
    expect(reply.json?.[ENTERPRISE_SCHEMA]).toMatchObject({ department: 'R&D', employeeNumber: 'E-42', manager: { value: boss } });
    const removed = await client.call('PATCH', `/Users/${id}`, patchBody({ op: 'Remove', path: `${ENTERPRISE_SCHEMA}:manager` }));
    expect((removed.json?.[ENTERPRISE_SCHEMA] as Record<string, unknown> | undefined)?.manager).toBeUndefined();
    const badManager = await client.call(
      'PATCH',
      `/Users/${id}`,
      patchBody({ op: 'Add', path: `${ENTERPRISE_SCHEMA}:manager`, value: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(badManager.status).toBe(400);
  });

  it('replaces with PUT (active false inside PUT suspends) and honours If-Match', async () => {
    const reply = await create('put.me@example.test');
    const id = String(reply.json?.id);
    const put = await client.call('PUT', `/Users/${id}`, userBody('put.me@example.test', { active: false, title: 'Boss' }), { 'if-match': 'W/"1"' });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ active: false, title: 'Boss', meta: { version: 'W/"2"' } });
    const stale = await client.call('PUT', `/Users/${id}`, userBody('put.me@example.test'), { 'if-match': 'W/"1"' });
    expect(stale.status).toBe(412);
    expect((await client.call('GET', `/Users/${id}`)).json?.title).toBe('Boss');
  });

  it('deletes: 204, then 404, and the person is gone from the team and every group', async () => {
    const id = String((await create('leaver@example.test')).json?.id);
    const group = await client.call('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Leavers',
      members: [{ value: id }],
    });
    expect(group.status).toBe(201);
    const del = await client.call('DELETE', `/Users/${id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await client.call('GET', `/Users/${id}`)).status).toBe(404);
    const after = await client.call('GET', `/Groups/${String(group.json?.id)}`);
    expect(after.json?.members ?? []).toEqual([]);
  });

  it('answers bad requests with SCIM errors and changes nothing', async () => {
    const before = (await client.call('GET', '/Users?count=0')).json?.totalResults;
    expect((await client.call('POST', '/Users', '{"userName": ')).json).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    expect((await client.call('POST', '/Users', { ...userBody('typed@example.test'), userName: 42 })).status).toBe(400);
    expect((await client.call('POST', '/Users', JSON.stringify(userBody('big@example.test', { title: 'x'.repeat(1_100_000) })))).status).toBe(413);
    expect((await client.call('GET', '/Users/not-a-uuid')).status).toBe(404);
    expect((await client.call('GET', '/Nothing')).status).toBe(404);
    expect((await client.call('PATCH', '/Users/00000000-0000-4000-8000-000000000000', patchBody({ op: 'replace', path: 'active', value: false }))).status).toBe(
      404,
    );
    const logged = (await client.auditRows()).slice(0, 6).map((r) => r.status);
    expect(logged).toEqual([404, 404, 404, 413, 400, 400]);
    expect((await client.call('GET', '/Users?count=0')).json?.totalResults).toBe(before);
  });
});
