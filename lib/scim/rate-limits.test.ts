import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { rateLimitRules } from '@/lib/rate-limit/rules';
import { BASE_URL, scimClientFor } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import { handleScimRequest } from './handler';

describe.each(testDrivers())('SCIM rate limits on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('answers 429 with an integer Retry-After once one address fails authentication too often', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}-${Date.now()}`;
    const attempt = () =>
      handleScimRequest(new Request(`${BASE_URL}/Users`, { headers: { authorization: 'Bearer rst_guess' } }), {
        db: handle.db,
        baseUrl: BASE_URL,
        clientIp: ip,
      });
    const statuses: number[] = [];
    for (let i = 0; i < rateLimitRules.scimAuthFailurePerIp.limit + 3; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, rateLimitRules.scimAuthFailurePerIp.limit).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    const limited = await attempt();
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(await limited.json()).toMatchObject({ status: '429' });
    // Another address is not affected.
    const other = await handleScimRequest(new Request(`${BASE_URL}/Users`, { headers: { authorization: 'Bearer rst_guess' } }), {
      db: handle.db,
      baseUrl: BASE_URL,
      clientIp: `${ip}-other`,
    });
    expect(other.status).toBe(401);
  });

  it('limits requests per token, shared through the database, with an integer Retry-After', async () => {
    const client = await scimClientFor(handle.db, { tokenRatePerMinute: 8 });
    const replies = [];
    for (let i = 0; i < 30; i++) replies.push(await client.call('GET', '/Users?count=1'));
    const ok = replies.filter((r) => r.status === 200).length;
    const limited = replies.filter((r) => r.status === 429);
    // 8 a minute; the 30 calls may straddle the start of a new minute, so at most two windows' worth.
    expect(ok).toBeLessThanOrEqual(16);
    expect(limited.length).toBeGreaterThanOrEqual(14);
    expect(ok + limited.length).toBe(30);
    expect(limited.every((r) => /^[1-9]\d*$/.test(r.headers.get('retry-after') ?? ''))).toBe(true);
    // A second client process (another instance) shares the same counters: still limited.
    const unlimited = await scimClientFor(handle.db);
    expect((await unlimited.call('GET', '/Users?count=1')).status).toBe(200);
  });
});
