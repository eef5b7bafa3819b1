import { describe, expect, it } from 'vitest';
import { decodeEventKey, encodeEventKey, MAX_RANGE_MS, resolveWindow, syncLogParams, syncLogQuerySchema } from './sync-log-query';

const now = new Date('2026-03-10T12:00:00.000Z');

describe('sync log query', () => {
  it('reads the URL leniently: unknown values mean "any", the range defaults to 7 days', () => {
    const query = syncLogQuerySchema.parse({
      outcome: 'maybe',
      op: 'patch',
      resource: 'User',
      idp: ['okta', 'entra'],
      range: 'forever',
      cursor: 'x',
      dir: 'sideways',
    });
    expect(query).toEqual({ op: 'patch', resource: 'User', range: '7d', cursor: 'x', dir: 'older' });
    expect(syncLogQuerySchema.parse({ outcome: '', op: '' })).toEqual({ range: '7d', dir: 'older' });
  });

  it('resolves preset and custom windows, clamped and ordered', () => {
    expect(resolveWindow(syncLogQuerySchema.parse({ range: '1h' }), now)).toEqual({ from: new Date('2026-03-10T11:00:00Z'), to: now });
    const custom = resolveWindow(syncLogQuerySchema.parse({ range: 'custom', from: '2026-03-01', to: '2026-03-02' }), now);
    expect(custom).toEqual({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-03T00:00:00Z') });
    const swapped = resolveWindow(syncLogQuerySchema.parse({ range: 'custom', from: '2026-03-05T10:00', to: '2026-03-01T10:00' }), now);
    expect(swapped.from < swapped.to).toBe(true);
    const huge = resolveWindow(syncLogQuerySchema.parse({ range: 'custom', from: '2000-01-01' }), now);
    expect(huge.to.getTime() - huge.from.getTime()).toBe(MAX_RANGE_MS);
  });

  it('round-trips event keys to the microsecond and refuses tampered ones', () => {
    const key = { at: '2026-03-10T11:59:59.123456Z', id: '0b9a1a8e-7a57-4a55-9d6a-3d1c2b3a4f5e' };
    expect(decodeEventKey(encodeEventKey(key))).toEqual(key);
    expect(decodeEventKey('not-a-key')).toBeNull();
    expect(decodeEventKey(btoa("2026-03-10T11:59:59Z~1' or 1=1"))).toBeNull();
    expect(decodeEventKey(undefined)).toBeNull();
  });

  it('writes filters back to the URL without the "any" values', () => {
    const query = syncLogQuerySchema.parse({ outcome: 'failure', range: '24h' });
    expect(syncLogParams(query).toString()).toBe('outcome=failure&range=24h');
    expect(syncLogParams(query, { cursor: 'abc', dir: 'newer' }).toString()).toBe('outcome=failure&range=24h&cursor=abc&dir=newer');
  });
});
