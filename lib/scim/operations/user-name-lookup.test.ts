import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../schemas/list-query';
import { exactUserName } from './user-name-lookup';

const query = (filter: string, extra: Partial<ListQuery> = {}): ListQuery => ({
  filter,
  startIndex: 1,
  count: 100,
  attributes: [],
  excludedAttributes: [],
  ...extra,
});

describe('the userName lookup fast path', () => {
  it('takes the lookups IdPs send, however they spell the attribute', () => {
    expect(exactUserName(query('userName eq "a@b.test"'))).toBe('a@b.test');
    expect(exactUserName(query('USERNAME eq "A@B.test"'))).toBe('A@B.test');
    expect(exactUserName(query('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.test"'))).toBe('a@b.test');
  });

  it('leaves every other query to the general compiler', () => {
    for (const filter of [
      'userName ne "a"',
      'userName eq "a" and active eq true',
      'externalId eq "a"',
      'userName sw "a"',
      'emails[value eq "a"]',
      'userName pr',
      'userName eq null',
    ]) {
      expect(exactUserName(query(filter)), filter).toBeUndefined();
    }
    expect(exactUserName(query('userName eq "a"', { startIndex: 2 }))).toBeUndefined();
    expect(exactUserName(query('userName eq "a"', { count: 0 }))).toBeUndefined();
    expect(exactUserName(query('userName eq "a"', { sortBy: 'userName' }))).toBeUndefined();
  });
});
