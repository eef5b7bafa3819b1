import { describe, expect, it } from 'vitest';
import { groupRow } from '@/test/fixtures/idp/rows';
import { groupResource, toGroupResource } from './group-resource';

const BASE = 'https://roster.example.com/api/scim/v2';
const M1 = '2819c223-7f76-453a-919d-413861904646';

describe('toGroupResource', () => {
  it('maps a group with members, each a User reference', () => {
    const row = groupRow({ externalId: 'ext-1' });
    expect(
      toGroupResource(
        row,
        [
          { value: M1, display: 'Babs Jensen' },
          { value: 'm2', display: null },
        ],
        BASE,
      ),
    ).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      id: row.id,
      externalId: 'ext-1',
      displayName: 'Tour Guides',
      members: [
        { value: M1, display: 'Babs Jensen', $ref: `${BASE}/Users/${M1}`, type: 'User' },
        { value: 'm2', $ref: `${BASE}/Users/m2`, type: 'User' },
      ],
      meta: {
        resourceType: 'Group',
        created: '2025-01-23T04:56:22.000Z',
        lastModified: '2025-02-03T10:11:12.000Z',
        location: `${BASE}/Groups/${row.id}`,
        version: 'W/"7"',
      },
    });
  });

  it('omits members when they were not loaded, and when there are none', () => {
    expect(toGroupResource(groupRow(), undefined, BASE)).not.toHaveProperty('members');
    expect(toGroupResource(groupRow(), [], BASE)).not.toHaveProperty('members');
    expect(toGroupResource(groupRow(), undefined, BASE)).not.toHaveProperty('externalId');
  });

  it('is exported under the name the operations use', () => {
    expect(groupResource).toBe(toGroupResource);
  });
});
