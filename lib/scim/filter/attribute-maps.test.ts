import { describe, expect, it } from 'vitest';
import { GROUP_ATTRIBUTES, USER_ATTRIBUTES } from './attribute-maps';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user';

/** The filter allow-list (docs/architecture.md pattern 6): what is filterable, and nothing else. */
describe('filterable attributes', () => {
  it('User', () => {
    expect(Object.keys(USER_ATTRIBUTES.core).sort()).toEqual(
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
    expect(Object.keys(USER_ATTRIBUTES.extensions)).toEqual([ENT]);
    expect(Object.keys(USER_ATTRIBUTES.extensions[ENT] ?? {}).sort()).toEqual(
      ['employeenumber', 'department', 'costcenter', 'organization', 'division', 'manager.value', 'manager'].sort(),
    );
  });

  it('Group', () => {
    expect(Object.keys(GROUP_ATTRIBUTES.core).sort()).toEqual(['id', 'externalid', 'displayname', 'members', 'meta.created', 'meta.lastmodified'].sort());
    expect(GROUP_ATTRIBUTES.extensions).toEqual({});
  });
});
