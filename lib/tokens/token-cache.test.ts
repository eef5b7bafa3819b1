import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { scimClientFor } from '@/test/scim-harness';
import { listenOn, testDrivers } from '@/test/test-databases';
import { forgetScimToken, TOKEN_CACHE_MS, TOKEN_REVOKED_CHANNEL } from './token-cache';

/** What another instance does when an owner revokes there: the row changes, a NOTIFY is sent. */
const revokeElsewhere = (handle: DbHandle, tokenId: string, notify: boolean) =>
  handle.db.transaction(async (tx) => {
    await tx.execute(sql`update scim_tokens set revoked_at = now() where id = ${tokenId}::uuid`);
    if (notify) await tx.execute(sql`select pg_notify(${TOKEN_REVOKED_CHANNEL}, ${tokenId})`);
  });

describe.each(testDrivers())('verified-token cache on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('forgets a token revoked by another instance as soon as the notification arrives', async () => {
    const client = await scimClientFor(handle.db);
    let heard: (id: string) => void = () => {};
    const notified = new Promise<string>((resolve) => (heard = resolve));
    const unlisten = await listenOn(handle)(TOKEN_REVOKED_CHANNEL, (id) => {
      forgetScimToken(id);
      heard(id);
    });
    try {
      expect((await client.call('GET', '/Users')).status).toBe(200);
      await revokeElsewhere(handle, client.tokenId, true);
      expect(await notified).toBe(client.tokenId);
      const after = await client.call('GET', '/Users');
      expect(after.status).toBe(401);
      expect(after.json?.detail).toMatch(/revoked/);
    } finally {
      await unlisten();
    }
  });

  it('without the notification, trusts a verified token for at most TOKEN_CACHE_MS', async () => {
    const client = await scimClientFor(handle.db);
    expect((await client.call('GET', '/Users')).status).toBe(200);
    await revokeElsewhere(handle, client.tokenId, false);
    // The bound the cache accepts when a notification is lost: still served from memory…
    expect((await client.call('GET', '/Users')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, TOKEN_CACHE_MS + 50));
    // …and refused once the entry is older than the bound.
    expect((await client.call('GET', '/Users')).status).toBe(401);
  });
});
