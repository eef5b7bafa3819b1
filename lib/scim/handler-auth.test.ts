import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scimTokens } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { flushScimCallLog } from '@/lib/scim/call-log/call-log-batch';
import { revokeScimToken } from '@/lib/tokens/revoke-scim-token';
import { forgetScimToken } from '@/lib/tokens/token-cache';
import { BASE_URL, scimClientFor, userBody } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import { handleScimRequest } from './handler';

describe.each(testDrivers())('SCIM authentication and tenancy on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  const raw = (path: string, authorization?: string) =>
    handleScimRequest(new Request(`${BASE_URL}${path}`, { headers: authorization ? { authorization } : {} }), { db: handle.db, baseUrl: BASE_URL });

  it('answers 401 with a SCIM error and a challenge without a usable token', async () => {
    for (const auth of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer rst_not-a-real-token', 'Bearer ']) {
      const response = await raw('/Users', auth);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(response.headers.get('content-type')).toBe('application/scim+json');
      const body = await response.json();
      expect(body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    }
  });

  it('refuses a revoked token on the very next request, and logs the refusal for the org', async () => {
    const client = await scimClientFor(handle.db);
    expect((await client.call('GET', '/Users')).status).toBe(200);
    await revokeScimToken(handle.db, client.orgId, client.tokenId, { type: 'system', label: 'test' });
    const after = await client.call('GET', '/Users');
    expect(after.status).toBe(401);
    expect(after.json?.detail).toMatch(/revoked/);
    const [latest] = await client.auditRows();
    expect(latest).toMatchObject({ action: 'scim.auth.fail', status: 401 });
  });

  it('refuses an expired token and a token without the scim:manage scope (403)', async () => {
    const client = await scimClientFor(handle.db);
    await handle.db.update(scimTokens).set({ scopes: [] }).where(eq(scimTokens.id, client.tokenId));
    expect((await client.call('GET', '/Users')).status).toBe(403);
    await handle.db
      .update(scimTokens)
      .set({ scopes: ['scim:manage'], expiresAt: new Date(Date.now() - 1000) })
      .where(eq(scimTokens.id, client.tokenId));
    // The row was edited behind the app's back: drop the one-second cache as a revocation would.
    forgetScimToken(client.tokenId);
    const expired = await client.call('GET', '/Users');
    expect(expired.status).toBe(401);
    expect(expired.json?.detail).toMatch(/expired/);
  });

  it('records when and from where a token was last used', async () => {
    const client = await scimClientFor(handle.db, { userAgent: 'Okta SCIM Client 1.0.0' });
    await client.call('GET', '/Users?filter=userName%20eq%20%22nobody%40example.test%22');
    await flushScimCallLog(handle.db);
    const [token] = await handle.db.select().from(scimTokens).where(eq(scimTokens.id, client.tokenId));
    expect(token?.lastUsedAt).toBeInstanceOf(Date);
    expect(token?.firstUsedAt).toBeInstanceOf(Date);
    expect(token?.lastUsedIp).toBe('203.0.113.9');
    expect(token?.lastUsedIdp).toBe('okta');
  });

  it("never lets org A's token read or change org B's people or groups (404)", async () => {
    const a = await scimClientFor(handle.db);
    const b = await scimClientFor(handle.db);
    const bob = await b.call('POST', '/Users', userBody('bob@b.example'));
    const bobId = String(bob.json?.id);
    const group = await b.call('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'B team' });
    const groupId = String(group.json?.id);
    expect((await a.call('GET', `/Users/${bobId}`)).status).toBe(404);
    expect((await a.call('PUT', `/Users/${bobId}`, userBody('stolen@a.example'))).status).toBe(404);
    expect(
      (
        await a.call('PATCH', `/Users/${bobId}`, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', path: 'active', value: false }],
        })
      ).status,
    ).toBe(404);
    expect((await a.call('DELETE', `/Users/${bobId}`)).status).toBe(404);
    expect((await a.call('GET', `/Groups/${groupId}`)).status).toBe(404);
    expect(
      (
        await a.call('PATCH', `/Groups/${groupId}`, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'add', path: 'members', value: [{ value: bobId }] }],
        })
      ).status,
    ).toBe(404);
    // Org A's own group cannot take org B's member either: the id is simply not a member here.
    const mine = await a.call('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'A team',
      members: [{ value: bobId }],
    });
    expect(mine.status).toBe(201);
    expect(mine.json?.members ?? []).toEqual([]);
    const listed = await a.call('GET', `/Users?filter=${encodeURIComponent(`id eq "${bobId}"`)}`);
    expect(listed.json?.totalResults).toBe(0);
    const stillThere = await b.call('GET', `/Users/${bobId}`);
    expect(stillThere.json).toMatchObject({ userName: 'bob@b.example', active: true });
  });
});
