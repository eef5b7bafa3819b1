import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors';
import { MAX_FILTER_LENGTH } from '../filter/parser';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parseListQuery, type ListQuery } from './list-query';

const fromQuery = (query: string) => parseListQuery(new URLSearchParams(query));

function errorOf(source: unknown): ScimError {
  try {
    parseListQuery(source);
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('parseListQuery from a query string', () => {
  it.each<[string, Partial<ListQuery>]>([
    ['', { startIndex: 1, count: DEFAULT_PAGE_SIZE, attributes: [], excludedAttributes: [] }],
    // Okta's lookup before every create.
    ['filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100', { filter: 'userName eq "test.user@okta.local"', startIndex: 1, count: 100 }],
    ['startIndex=0', { startIndex: 1 }],
    ['startIndex=-5', { startIndex: 1 }],
    ['count=-1', { count: 0 }],
    ['count=0', { count: 0 }],
    [`count=${MAX_PAGE_SIZE + 1}`, { count: MAX_PAGE_SIZE }],
    ['count=99999999999999999999999', { count: MAX_PAGE_SIZE }],
    ['startIndex=99999999999999999999999', { startIndex: 2_147_483_647 }],
    ['STARTINDEX=3&Count=7&SortBy=userName&sortorder=Descending', { startIndex: 3, count: 7, sortBy: 'userName', sortOrder: 'descending' }],
    [
      'attributes=userName,%20name.givenName,,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
      { attributes: ['userName', 'name.givenName', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'] },
    ],
    // Microsoft's SCIM reference Postman collection: a value filter degrades to the attribute.
    [`attributes=${encodeURIComponent('emails[type eq "work"]')}`, { attributes: ['emails'] }],
    [`attributes=${encodeURIComponent('emails[type eq "a,]b"].value,userName')}`, { attributes: ['emails.value', 'userName'] }],
    ['excludedAttributes=members', { excludedAttributes: ['members'] }],
    ['filter=&count=', { count: DEFAULT_PAGE_SIZE }],
    ['unknown=1&count=5', { count: 5 }],
  ])('?%s', (query, expected) => {
    expect(fromQuery(query)).toMatchObject(expected);
  });

  it('leaves out filter and sortBy when absent', () => {
    expect(Object.keys(fromQuery('filter=%20%20'))).not.toContain('filter');
  });

  it.each<[string, string, string]>([
    ['count=ten', 'invalidValue', '"count" must be an integer, got "ten"'],
    ['startIndex=1.5', 'invalidValue', '"startIndex" must be an integer, got "1.5"'],
    ['sortOrder=up', 'invalidValue', '"sortOrder" must be "ascending" or "descending", got "up"'],
    ['count=1&count=2', 'invalidSyntax', 'The query parameter "count" is given more than once'],
    ['attributes=name%20givenName', 'invalidValue', '"attributes" must hold attribute names like name.givenName or urn:…:User:department'],
  ])('?%s is a 400', (query, scimType, detail) => {
    const error = errorOf(new URLSearchParams(query));
    expect([error.status, error.scimType, error.detail]).toEqual([400, scimType, detail]);
  });

  it("refuses a filter over 2,000 characters, the parser's one limit, as invalidFilter", () => {
    expect(errorOf(new URLSearchParams({ filter: `userName eq "${'a'.repeat(MAX_FILTER_LENGTH)}"` })).scimType).toBe('invalidFilter');
    expect(errorOf({ filter: `userName eq "${'a'.repeat(MAX_FILTER_LENGTH)}"` }).scimType).toBe('invalidFilter');
  });
});

describe('parseListQuery from a POST /.search body (RFC 7644 §3.4.3)', () => {
  it('reads a SearchRequest with arrays and numbers', () => {
    expect(
      parseListQuery({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        attributes: ['displayName', 'userName'],
        excludedattributes: 'emails',
        filter: 'displayName sw "smith"',
        startIndex: 1,
        count: 10,
        sortOrder: 'ascending',
      }),
    ).toEqual({
      filter: 'displayName sw "smith"',
      startIndex: 1,
      count: 10,
      sortOrder: 'ascending',
      attributes: ['displayName', 'userName'],
      excludedAttributes: ['emails'],
    });
  });

  it.each<[unknown, string]>([
    [{ count: 2.5 }, 'invalidValue'],
    [{ count: true }, 'invalidSyntax'],
    [{ filter: 5 }, 'invalidSyntax'],
    [[1], 'invalidSyntax'],
  ])('%j is a 400', (body, scimType) => {
    expect(errorOf(body).scimType).toBe(scimType);
  });

  it('takes numeric strings and treats a missing body as no parameters', () => {
    expect(parseListQuery({ startIndex: '2', count: '3' })).toMatchObject({ startIndex: 2, count: 3 });
    expect(parseListQuery(undefined)).toMatchObject({ startIndex: 1, count: DEFAULT_PAGE_SIZE });
  });
});
