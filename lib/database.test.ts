import { describe, expect, inject, it } from 'vitest';
import { createDb } from '@/db/client';
import { members } from '@/db/schema';
import { parseEnv } from '@/lib/env';
import { updateDirectoryPolicy } from '@/lib/policy/update-directory-policy';
import { scimClientFor, userBody } from '@/test/scim-harness';
import { and, eq } from 'drizzle-orm';
import { dbOptionsFromEnv, poolerNotices } from './database';

describe('the database settings', () => {
  it('reads DATABASE_URL, DATABASE_POOLER, DATABASE_DIRECT_URL and DATABASE_POOL_SIZE', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgres://roster@pooler:6432/roster',
      DATABASE_POOLER: 'transaction',
      DATABASE_DIRECT_URL: 'postgres://roster@db:5432/roster',
      DATABASE_POOL_SIZE: '25',
    });
    expect(dbOptionsFromEnv(env)).toEqual({
      url: 'postgres://roster@pooler:6432/roster',
      pooler: 'transaction',
      directUrl: 'postgres://roster@db:5432/roster',
      poolSize: 25,
    });
    expect(dbOptionsFromEnv(parseEnv({ DATABASE_URL: 'postgres://roster@db/roster' }))).toEqual({
      url: 'postgres://roster@db/roster',
      poolSize: 10,
      pooler: undefined,
      directUrl: undefined,
    });
    expect(dbOptionsFromEnv(parseEnv({ ROSTER_DATA_DIR: '/var/roster' }))).toEqual({ dataDir: '/var/roster' });
  });

  it('refuses a pooler mode it does not know, naming the variable', () => {
    expect(() => parseEnv({ DATABASE_POOLER: 'statement' })).toThrow(/DATABASE_POOLER/);
  });

  it('says at start what a transaction pooler without a direct URL changes, and when it found one unannounced', () => {
    expect(poolerNotices({ pooler: null, listen: null })).toEqual([]);
    expect(poolerNotices({ pooler: { mode: 'transaction', detected: false }, listen: async () => async () => {} })).toEqual([]);
    const [line, ...rest] = poolerNotices({ pooler: { mode: 'transaction', detected: false }, listen: null });
    expect(rest).toEqual([]);
    expect(line).toMatch(/polling every 5 s/);
    expect(line).toMatch(/within 1 s/);
    expect(line).toMatch(/DATABASE_DIRECT_URL/);
    expect(poolerNotices({ pooler: { mode: 'transaction', detected: true }, listen: null })[0]).toMatch(/DATABASE_POOLER=transaction/);
  });
});

/**
 * An operator points DATABASE_URL at PgBouncer in transaction mode and sets nothing else. Before
 * issue 17 a DELETE answered 204 and the person stayed (the COMMIT was retried in an aborted
 * transaction). Roster must find the pooler at start and give the right answers anyway.
 */
describe.runIf(inject('poolerTestUrl'))('DATABASE_URL through a transaction pooler, DATABASE_POOLER unset', () => {
  it('finds the pooler, runs in pooler mode, and every DELETE answered 204 really deleted', async () => {
    const handle = await createDb(dbOptionsFromEnv(parseEnv({ DATABASE_URL: inject('poolerTestUrl') })));
    try {
      expect(handle.pooler).toEqual({ mode: 'transaction', detected: true });
      expect(poolerNotices(handle)[0]).toMatch(/DATABASE_POOLER is not set/);
      const client = await scimClientFor(handle.db);
      // 25 suspends and 25 deletes in seconds: the deprovisioning guard would hold them past 10.
      await updateDirectoryPolicy(handle.db, client.orgId, { guardEnabled: false }, { type: 'system', label: 'test' });
      const still: string[] = [];
      for (let i = 0; i < 25; i++) {
        const created = await client.call('POST', '/Users', userBody(`pooled-${i}@example.test`));
        expect(created.status).toBe(201);
        const id = String(created.json?.id);
        expect((await client.call('GET', `/Users/${id}`)).status).toBe(200);
        expect(
          (
            await client.call('PATCH', `/Users/${id}`, {
              schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
              Operations: [{ op: 'replace', path: 'active', value: false }],
            })
          ).status,
        ).toBe(200);
        expect((await client.call('DELETE', `/Users/${id}`)).status).toBe(204);
        if (
          (
            await handle.db
              .select()
              .from(members)
              .where(and(eq(members.orgId, client.orgId), eq(members.id, id)))
          ).length
        )
          still.push(id);
      }
      expect(still).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
