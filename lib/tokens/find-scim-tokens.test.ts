import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scimTokens } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { testDrivers } from '@/test/test-databases';
import { seedOrg } from '@/test/seed';
import { createScimToken } from './create-scim-token';
import { findScimTokens } from './find-scim-tokens';
import { revokeScimToken } from './revoke-scim-token';

describe.each(testDrivers())('token list on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('lists the org’s tokens as DTOs: creator, usage, expiry warning, revoked last, never the hash', async () => {
    const org = await seedOrg(handle.db, 'tokens');
    const other = await seedOrg(handle.db, 'tokens-other');
    const owner = { type: 'account' as const, id: org.accountId, label: org.email };
    const old = await createScimToken(handle.db, org.orgId, { name: 'Entra (old)', scopes: ['scim:manage'] }, owner);
    const soon = await createScimToken(handle.db, org.orgId, { name: 'Entra (new)', scopes: ['scim:manage'], expiresInDays: 10 }, owner);
    const later = await createScimToken(handle.db, org.orgId, { name: 'Okta', scopes: ['scim:manage'], expiresInDays: 90 }, { type: 'system', label: 'cli' });
    await createScimToken(handle.db, other.orgId, { name: 'Other org', scopes: ['scim:manage'] }, { type: 'system', label: 'cli' });
    const usedAt = new Date('2026-03-01T10:00:00Z');
    await handle.db
      .update(scimTokens)
      .set({ firstUsedAt: usedAt, lastUsedAt: usedAt, lastUsedIp: '203.0.113.7', lastUsedIdp: 'entra' })
      .where(and(eq(scimTokens.orgId, org.orgId), eq(scimTokens.id, soon.id)));
    await revokeScimToken(handle.db, org.orgId, old.id, owner);

    const list = await findScimTokens(handle.db, org.orgId);
    expect(list.map((t) => t.name)).toEqual(['Okta', 'Entra (new)', 'Entra (old)']);
    const [okta, entra, revoked] = list;
    expect(entra).toMatchObject({
      id: soon.id,
      prefix: soon.prefix,
      scopes: [{ value: 'scim:manage', label: 'Manage SCIM' }],
      createdBy: expect.stringContaining(org.email),
      firstUsedAt: usedAt.toISOString(),
      lastUsedAt: usedAt.toISOString(),
      lastUsedIp: '203.0.113.7',
      lastUsedIdp: 'entra',
      state: 'active',
      expiresSoon: true,
    });
    expect(okta).toMatchObject({ id: later.id, createdBy: null, state: 'active', expiresSoon: false, firstUsedAt: null });
    expect(revoked).toMatchObject({ state: 'revoked', expiresSoon: false });
    expect(revoked?.revokedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toMatch(/token_?hash|[0-9a-f]{64}/i);
    expect(JSON.stringify(list)).not.toContain(soon.secret);
  });

  it('marks a token past its expiry as expired', async () => {
    const org = await seedOrg(handle.db, 'expired');
    await createScimToken(handle.db, org.orgId, { name: 'Short', scopes: ['scim:manage'], expiresInDays: 1 }, { type: 'system', label: 'cli' });
    const [token] = await findScimTokens(handle.db, org.orgId, new Date(Date.now() + 2 * 86_400_000));
    expect(token).toMatchObject({ state: 'expired', expiresSoon: false });
  });
});
