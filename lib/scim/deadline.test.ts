import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { BASE_URL, patchBody, scimClientFor, userBody } from '@/test/scim-harness';
import { concurrentDrivers } from '@/test/test-databases';
import { handleScimRequest } from './handler';

const drivers = concurrentDrivers();

describe.runIf(drivers.length > 0).each(drivers)('the 10 s deadline on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle?.close());

  it('answers 503 with Retry-After and rolls the late change back instead of committing it after the answer', async () => {
    const client = await scimClientFor(handle.db);
    const created = await client.call('POST', '/Users', userBody('late@example.test'));
    const id = String(created.json?.id);
    // Another transaction holds the person's row, so the PATCH waits past its deadline.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from members where id = ${id}::uuid for update`);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const request = new Request(`${BASE_URL}/Users/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify(patchBody({ op: 'replace', path: 'title', value: 'Too late' })),
    });
    const response = await handleScimRequest(request, { db: handle.db, baseUrl: BASE_URL, deadlineMs: 300 });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    // The lock goes; the PATCH's transaction now runs to its end — and must not commit.
    release();
    await holder;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const row = resultRows(await handle.db.execute(sql`select title, version from members where id = ${id}::uuid`))[0];
    expect(row).toMatchObject({ title: null, version: 1 });
    const patches = (await client.auditRows()).filter((r) => r.action === 'scim.user.patch');
    expect(patches.every((r) => r.status === 503)).toBe(true);
  });
});
