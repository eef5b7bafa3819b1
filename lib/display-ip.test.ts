import { describe, expect, it } from 'vitest';
import { displayIp } from './display-ip';

describe('displayIp', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:203.0.113.9', '203.0.113.9'],
    ['203.0.113.9', '203.0.113.9'],
    ['2001:db8::1', '2001:db8::1'],
    ['::1', '::1'],
  ])('%s → %s', (ip, shown) => expect(displayIp(ip)).toBe(shown));
});
