import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupRow, memberRow } from '@/test/fixtures/idp/rows';
import type { MemberFields } from '@/lib/members/member-fields';
import { parseUserBody } from '../schemas/user';
import { toGroupResource } from './group-resource';
import { toUserResource } from './user-resource';

const BASE = 'https://roster.example.com/api/scim/v2';
const MANAGER = '9a4b1c1e-7f9e-4d2b-8a53-5b1f0c3d2e11';
const fixture = (name: string) => path.join(import.meta.dirname, '../../../test/fixtures/resources', name);

/** Every attribute Roster stores, set. */
const FULL: MemberFields = {
  userName: 'ada@example.com',
  externalId: 'ext-42',
  givenName: 'Ada',
  familyName: 'Lovelace',
  middleName: 'King',
  formattedName: 'Ada King Lovelace',
  displayName: 'Ada Lovelace',
  nickName: 'Ada',
  title: 'Analyst',
  userType: 'Employee',
  locale: 'en-GB',
  preferredLanguage: 'en',
  timezone: 'Europe/London',
  employeeNumber: '1815',
  costCenter: 'CC-1',
  organization: 'Analytical Engines',
  division: 'Research',
  department: 'Mathematics',
  email: 'ada@example.com',
  emails: [
    { value: 'ada@example.com', type: 'work', primary: true, display: 'Ada' },
    { value: 'ada@home.example', type: 'home' },
  ],
  phoneNumbers: [{ value: '+44 20 7946 0000', type: 'work' }],
  managerId: MANAGER,
  active: true,
};

/**
 * A full User and Group as an IdP reads them, recorded in test/fixtures/resources (key order
 * included): the resource mapper and the parser are derived from the attribute table, and a
 * refactor of that table must not change what goes over the wire (issue 16).
 */
describe('resources match their recorded copy', () => {
  const check = (file: string, value: unknown) => {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    expect(text).toBe(readFileSync(fixture(file), 'utf8'));
  };

  it('User, and parsing it back gives the same fields', () => {
    const resource = toUserResource(memberRow(FULL), BASE);
    check('user.json', resource);
    expect(parseUserBody(resource)).toEqual({ fields: FULL, ignoredAttributes: [], adaptations: [] });
  });

  it('Group', () => {
    check('group.json', toGroupResource(groupRow({ externalId: 'g-7' }), [{ value: MANAGER, display: 'Ada' }], BASE));
  });
});
