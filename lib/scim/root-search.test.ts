import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { GROUP_SCHEMA, scimClientFor, userBody, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';

const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

/** RFC 7644 §3.4.3: POST /.search at the root searches every resource type. */
describe.each(testDrivers())('POST /.search at the service root on $driver', ({ open }) => {
  let handle: DbHandle;
  let client: ScimClient;
  const search = async (body: Record<string, unknown>) => client.call('POST', '/.search', { schemas: [SEARCH], ...body });
  const kinds = (json: Record<string, unknown> | null) =>
    (json?.Resources as { meta: { resourceType: string }; userName?: string; displayName?: string }[]).map(
      (r) => `${r.meta.resourceType}:${r.userName ?? r.displayName ?? ''}`,
    );

  beforeAll(async () => {
    handle = await open();
    client = await scimClientFor(handle.db);
    const ids: string[] = [];
    for (const name of ['ann', 'ben', 'cat'])
      ids.push(String((await client.call('POST', '/Users', userBody(`${name}@example.test`, { displayName: `Person ${name}` }))).json?.id));
    await client.call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Team One', members: [{ value: ids[0] }] });
    await client.call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Team Two' });
  });
  afterAll(() => handle.close());

  it('returns Users then Groups, paged as one list, with the total of both', async () => {
    const all = await search({});
    expect(all.status, all.text).toBe(200);
    expect(all.json).toMatchObject({ totalResults: 6, startIndex: 1, itemsPerPage: 6 });
    expect(kinds(all.json)).toEqual([
      `User:${client.ownerEmail}`,
      'User:ann@example.test',
      'User:ben@example.test',
      'User:cat@example.test',
      'Group:Team One',
      'Group:Team Two',
    ]);
    const across = await search({ StartIndex: 4, COUNT: 2 });
    expect(across.json).toMatchObject({ totalResults: 6, startIndex: 4, itemsPerPage: 2 });
    expect(kinds(across.json)).toEqual(['User:cat@example.test', 'Group:Team One']);
    expect(kinds((await search({ startIndex: 6, count: 5 })).json)).toEqual(['Group:Team Two']);
    expect((await search({ count: 0 })).json).toMatchObject({ totalResults: 6, Resources: [] });
  });

  it('applies the filter to each type; an attribute only one type has matches nothing in the other', async () => {
    expect(kinds((await search({ filter: 'displayName sw "team"' })).json)).toEqual(['Group:Team One', 'Group:Team Two']);
    expect(kinds((await search({ filter: 'userName eq "BEN@example.test"' })).json)).toEqual(['User:ben@example.test']);
    expect(kinds((await search({ filter: 'members pr' })).json)).toEqual(['Group:Team One']);
  });

  it('refuses what it cannot answer with a SCIM 400', async () => {
    const nowhere = await search({ filter: 'shoeSize eq "9"' });
    expect([nowhere.status, nowhere.json?.scimType]).toEqual([400, 'invalidFilter']);
    const broken = await search({ filter: 'displayName eq' });
    expect([broken.status, broken.json?.scimType]).toEqual([400, 'invalidFilter']);
    const sorted = await search({ sortBy: 'displayName' });
    expect([sorted.status, sorted.json?.scimType]).toEqual([400, 'invalidValue']);
    expect((await client.call('GET', '/.search')).status).toBe(405);
  });

  it('is one row of the sync log', async () => {
    await search({ filter: 'displayName pr', startIndex: 2, count: 3 });
    const [row] = (await client.auditRows()).filter((r) => r.action === 'scim.root.search');
    expect(row).toMatchObject({ status: 200 });
    expect(row?.summary).toMatchObject({ filter: 'displayName pr', startIndex: 2, count: 3 });
  });
});
