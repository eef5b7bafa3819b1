import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { testDrivers } from '@/test/test-databases';
import { hitRateLimit, peekRateLimit } from './rate-limit';

describe.each(testDrivers())('fixed-window rate limits on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('counts hits per key within a window and refuses past the limit', async () => {
    const key = `test:${Date.now()}:${Math.random()}`;
    const rule = { limit: 3, windowSeconds: 3600 };
    expect((await peekRateLimit(handle.db, key, rule)).count).toBe(0);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await hitRateLimit(handle.db, key, rule));
    expect(outcomes.map((o) => [o.count, o.allowed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
    expect(outcomes[4]?.retryAfterSeconds).toBeGreaterThan(0);
    expect(outcomes[4]?.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect((await peekRateLimit(handle.db, key, rule)).count).toBe(5);
    expect((await hitRateLimit(handle.db, `${key}:other`, rule)).count).toBe(1);
  });

  it('starts a new window once the old one is over', async () => {
    const key = `test-window:${Date.now()}:${Math.random()}`;
    const rule = { limit: 1, windowSeconds: 1 };
    await hitRateLimit(handle.db, key, rule);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await hitRateLimit(handle.db, key, rule)).count).toBe(1);
  });
});
