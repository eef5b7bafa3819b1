import { describe, expect, it } from 'vitest';
import { listResponse } from './list-response';

describe('listResponse (RFC 7644 §3.4.2)', () => {
  it("answers Entra's probe for an unknown userName with an empty list", () => {
    expect(listResponse([], 0, 1)).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('reports the page and the total separately', () => {
    const page = listResponse([{ id: 'a' }, { id: 'b' }], 57, 11);
    expect([page.totalResults, page.startIndex, page.itemsPerPage, page.Resources.length]).toEqual([57, 11, 2, 2]);
    expect(listResponse([{ id: 'a' }], 1, 1, 5).itemsPerPage).toBe(5);
  });
});
