import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { GROUP_SCHEMA, patchBody, scimClientFor, userBody } from '@/test/scim-harness';
import { concurrentDrivers } from '@/test/test-databases';

const drivers = concurrentDrivers();

describe.runIf(drivers.length > 0).each(drivers)('membership PATCH racing a delete on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle?.close());

  it('skips a person deleted mid-PATCH instead of failing the whole PATCH (found by npm run soak)', async () => {
    const client = await scimClientFor(handle.db);
    const gone = String((await client.call('POST', '/Users', userBody('gone@example.test'))).json?.id);
    const stays = String((await client.call('POST', '/Users', userBody('stays@example.test'))).json?.id);
    const group = String((await client.call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Race' })).json?.id);
    // The delete is under way (row locked, not yet committed) when the PATCH reads the people.
    let commit: () => void = () => {};
    const go = new Promise<void>((resolve) => (commit = resolve));
    const deleting = handle.db.transaction(async (tx) => {
      await tx.execute(sql`delete from members where id = ${gone}::uuid`);
      await go;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const patching = client.call('PATCH', `/Groups/${group}`, patchBody({ op: 'add', path: 'members', value: [{ value: gone }, { value: stays }] }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    commit();
    await deleting;
    const reply = await patching;
    expect(reply.status).toBe(204);
    const inGroup = resultRows(await handle.db.execute(sql`select member_id from group_members where group_id = ${group}::uuid`)).map((r) =>
      String(r.member_id),
    );
    expect(inGroup).toEqual([stays]);
  });
});
