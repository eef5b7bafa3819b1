import { describe, expect, it } from 'vitest';
import { GROUP_FILTER_MAP, USER_FILTER_MAP } from './attribute-maps';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user';

/** The filter allow-list (docs/architecture.md pattern 6): what is filterable, and nothing else. */
describe('filterable attributes', () => {
  it('User', () => {
    expect(Object.keys(USER_FILTER_MAP.core).sort()).toEqual(
      [
        'id',
        'externalid',
        'username',
        'displayname',
        'name.givenname',
        'name.familyname',
        'name.formatted',
        'title',
        'usertype',
        'locale',
        'active',
        'emails',
        'phonenumbers',
        'meta.created',
        'meta.lastmodified',
      ].sort(),
    );
    expect(Object.keys(USER_FILTER_MAP.extensions)).toEqual([ENT]);
    expect(Object.keys(USER_FILTER_MAP.extensions[ENT] ?? {}).sort()).toEqual(
      ['employeenumber', 'department', 'costcenter', 'organization', 'division', 'manager.value', 'manager'].sort(),
    );
  });

  it('Group', () => {
    expect(Object.keys(GROUP_FILTER_MAP.core).sort()).toEqual(['id', 'externalid', 'displayname', 'members', 'meta.created', 'meta.lastmodified'].sort());
    expect(GROUP_FILTER_MAP.extensions).toEqual({});
  });
});
