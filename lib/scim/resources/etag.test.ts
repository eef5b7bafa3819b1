import { describe, expect, it } from 'vitest';
import { etagFor, ifMatchAllows, parseIfMatch } from './etag';

describe('etagFor', () => {
  it('is a weak tag of the version', () => {
    expect(etagFor(12)).toBe('W/"12"');
  });
});

describe('parseIfMatch', () => {
  it.each<[string | null | undefined, ReturnType<typeof parseIfMatch>]>([
    [null, undefined],
    ['  ', undefined],
    ['*', { any: true }],
    ['W/"3"', { any: false, tags: [{ weak: true, opaque: '3' }] }],
    ['"3"', { any: false, tags: [{ weak: false, opaque: '3' }] }],
    [
      'W/"1", "2" ,w/"3"',
      {
        any: false,
        tags: [
          { weak: true, opaque: '1' },
          { weak: false, opaque: '2' },
          { weak: true, opaque: '3' },
        ],
      },
    ],
    ['"a,b"', { any: false, tags: [{ weak: false, opaque: 'a,b' }] }],
    ['3', { any: false, tags: [{ weak: false, opaque: '3' }] }],
    ['W/3,', { any: false, tags: [{ weak: true, opaque: '3' }] }],
    ['"unterminated', { any: false, tags: [] }],
  ])('%j', (header, expected) => {
    expect(parseIfMatch(header)).toEqual(expected);
  });
});

describe('ifMatchAllows (weak comparison, RFC 7232 §2.3.2)', () => {
  it.each<[string | null, number, boolean]>([
    [null, 3, true],
    ['*', 3, true],
    ['W/"3"', 3, true],
    ['"3"', 3, true],
    ['W/"2"', 3, false],
    ['W/"2", W/"3"', 3, true],
    ['W/"33"', 3, false],
    ['"unterminated', 3, false],
  ])('%j for version %d → %s', (header, version, allowed) => {
    expect(ifMatchAllows(header, version)).toBe(allowed);
  });
});
