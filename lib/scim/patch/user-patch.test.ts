import { describe, expect, it } from 'vitest';
import { applyUserPatch } from './user-patch';
import type { ScimUserJson } from './types';
import { errorOf } from '@/test/scim-error-of';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const USER_ID = '6ba7b810-9dad-41d1-80b4-00c04fd430c8';
const MANAGER_ID = '2819c223-7f76-453a-919d-413861904646';

/** Alice as Roster's resource mapper would hand her over. */
function alice(): ScimUserJson {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENT],
    id: USER_ID,
    externalId: 'e1b9c9a4',
    userName: 'alice@example.com',
    name: { givenName: 'Alice', familyName: 'Liddell' },
    displayName: 'Alice Liddell',
    title: 'Engineer',
    active: true,
    emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
    [ENT]: { department: 'Sales', manager: { value: MANAGER_ID } },
    meta: { resourceType: 'User', version: 'W/"3"' },
  };
}

/** `expect`: attributes that must equal exactly afterwards; `absent`: keys that must be gone. */
type Case = { name: string; ops: unknown[]; expect: Record<string, unknown>; absent?: string[]; adaptations?: string[] };

// Payload shapes from Microsoft's "Tutorial: Develop and plan provisioning for a SCIM endpoint"
// (learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups),
// Okta's SCIM 2.0 guide (developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20),
// OneLogin's and JumpCloud's SCIM provisioning docs.
const cases: Case[] = [
  {
    name: 'Entra disables with a string boolean and a capitalised op',
    ops: [{ op: 'Replace', path: 'active', value: 'False' }],
    expect: { active: false },
    adaptations: ['capitalised op name', 'string boolean coerced'],
  },
  {
    name: 'Entra updates the work email and family name',
    ops: [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@example.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    ],
    expect: {
      emails: [{ value: 'updatedEmail@example.com', type: 'work', primary: true }],
      name: { givenName: 'Alice', familyName: 'updatedFamilyName' },
    },
  },
  {
    name: 'Entra adds a work phone that does not exist yet (creates it, primary)',
    ops: [{ op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '+1 555 0100' }],
    expect: { phoneNumbers: [{ type: 'work', value: '+1 555 0100', primary: true }] },
    adaptations: ['capitalised op name', 'multi-valued entry created from value filter'],
  },
  {
    name: 'Entra adds work then mobile: only the first becomes primary',
    ops: [
      { op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '+1 555 0100' },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0199' },
      { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '+1 555 0101' },
    ],
    expect: {
      phoneNumbers: [
        { type: 'work', value: '+1 555 0101', primary: true },
        { type: 'mobile', value: '+1 555 0199' },
      ],
    },
  },
  {
    name: 'Entra sets the manager with a bare id',
    ops: [{ op: 'Add', path: `${ENT}:manager`, value: 'AAAA0000-7f76-453a-919d-413861904646' }],
    expect: { [ENT]: { department: 'Sales', manager: { value: 'AAAA0000-7f76-453a-919d-413861904646' } } },
    adaptations: ['capitalised op name', 'bare manager id wrapped'],
  },
  {
    name: 'Entra removes the manager',
    ops: [{ op: 'Remove', path: `${ENT}:manager`, value: MANAGER_ID }],
    expect: { [ENT]: { department: 'Sales' } },
  },
  {
    name: 'replacing the manager with null or an empty value removes it',
    ops: [
      { op: 'replace', path: `${ENT}:manager`, value: null },
      { op: 'add', path: `${ENT}:manager.value`, value: MANAGER_ID },
      { op: 'replace', path: `${ENT}:manager`, value: { value: '' } },
    ],
    expect: { [ENT]: { department: 'Sales' } },
  },
  {
    name: 'removing the last enterprise attribute drops the extension object',
    ops: [
      { op: 'remove', path: `${ENT}:manager` },
      { op: 'remove', path: `${ENT}:department` },
    ],
    expect: {},
    absent: [ENT],
  },
  {
    name: 'Entra no-path replace with dotted keys, extension URN keys and string booleans',
    ops: [
      {
        op: 'Replace',
        value: {
          displayName: 'Ally Liddell',
          'name.givenName': 'Ally',
          [`${ENT}:department`]: 'Engineering',
          [`${ENT}:employeeNumber`]: '701984',
          active: 'True',
        },
      },
    ],
    expect: {
      displayName: 'Ally Liddell',
      name: { givenName: 'Ally', familyName: 'Liddell' },
      active: true,
      [ENT]: { department: 'Engineering', employeeNumber: '701984', manager: { value: MANAGER_ID } },
    },
    adaptations: ['capitalised op name', 'dotted key in no-path value', 'extension URN key in no-path value', 'string boolean coerced'],
  },
  {
    name: 'no-path value with the RFC nested extension object',
    ops: [{ op: 'replace', value: { [ENT]: { Department: 'R&D', costCenter: '4130' }, title: 'Lead' } }],
    expect: { title: 'Lead', [ENT]: { department: 'R&D', costCenter: '4130', manager: { value: MANAGER_ID } } },
    adaptations: [],
  },
  {
    name: 'Entra no-path value with a value-path key',
    ops: [{ op: 'Add', value: { 'emails[type eq "work"].value': 'a.liddell@example.com' } }],
    expect: { emails: [{ value: 'a.liddell@example.com', type: 'work', primary: true }] },
    adaptations: ['capitalised op name', 'value-path key in no-path value'],
  },
  {
    name: 'Okta deactivates with a no-path replace',
    ops: [{ op: 'replace', value: { active: false } }],
    expect: { active: false },
    adaptations: [],
  },
  {
    name: 'Okta replaces name sub-attributes: the others are kept (RFC 7644 §3.5.2.3)',
    ops: [{ op: 'replace', value: { name: { givenName: 'Al' }, userName: 'al@example.com' } }],
    expect: { name: { givenName: 'Al', familyName: 'Liddell' }, userName: 'al@example.com' },
  },
  {
    name: 'JumpCloud replaces active with a real boolean',
    ops: [{ op: 'replace', path: 'active', value: false }],
    expect: { active: false },
    adaptations: [],
  },
  {
    name: 'OneLogin adds a home email: appended, work email kept',
    ops: [{ op: 'add', path: 'emails', value: [{ value: 'alice@home.example', type: 'home' }] }],
    expect: {
      emails: [
        { value: 'alice@example.com', type: 'work', primary: true },
        { value: 'alice@home.example', type: 'home' },
      ],
    },
  },
  {
    name: 'add to a multi-valued attribute de-duplicates by value (case-insensitive)',
    ops: [{ op: 'add', path: 'emails', value: [{ value: 'ALICE@example.com', type: 'work', display: 'Alice' }] }],
    expect: { emails: [{ value: 'ALICE@example.com', type: 'work', primary: true, display: 'Alice' }] },
  },
  {
    name: 'a new primary value demotes the old one (RFC 7643 §2.4)',
    ops: [{ op: 'add', path: 'emails', value: [{ value: 'a@new.example', type: 'other', primary: 'true' }] }],
    expect: {
      emails: [
        { value: 'alice@example.com', type: 'work', primary: false },
        { value: 'a@new.example', type: 'other', primary: true },
      ],
    },
  },
  {
    name: 'replace on a multi-valued attribute swaps the whole list',
    ops: [{ op: 'replace', path: 'emails', value: [{ value: 'b@example.com', type: 'work', primary: true }] }],
    expect: { emails: [{ value: 'b@example.com', type: 'work', primary: true }] },
  },
  {
    name: 'replace emails[type eq "work"] with an object keeps the type',
    ops: [{ op: 'replace', path: 'emails[type eq "work"]', value: { value: 'c@example.com' } }],
    expect: { emails: [{ type: 'work', value: 'c@example.com' }] },
  },
  {
    name: 'remove emails[type eq "work"] removes the matching values',
    ops: [
      { op: 'add', path: 'emails', value: [{ value: 'alice@home.example', type: 'home' }] },
      { op: 'remove', path: 'emails[type eq "work"]' },
    ],
    expect: { emails: [{ value: 'alice@home.example', type: 'home' }] },
  },
  {
    name: 'remove emails[type eq "work"].value removes the value entry; the last one drops emails',
    ops: [{ op: 'remove', path: 'emails[type eq "work"].value' }],
    expect: {},
    absent: ['emails'],
  },
  {
    name: 'remove with a filter that matches nothing is a tolerated no-op',
    ops: [{ op: 'remove', path: 'emails[type eq "home"]' }],
    expect: { emails: [{ value: 'alice@example.com', type: 'work', primary: true }] },
  },
  {
    name: 'replace with "" or null clears the attribute',
    ops: [
      { op: 'replace', path: 'title', value: '' },
      { op: 'replace', path: 'displayName', value: null },
      { op: 'replace', path: 'emails[type eq "work"].value', value: '' },
    ],
    expect: {},
    absent: ['title', 'displayName', 'emails'],
    adaptations: ['empty string clears attribute'],
  },
  {
    name: 'attribute names are case-insensitive and written in canonical case',
    ops: [
      { op: 'replace', path: 'DISPLAYNAME', value: 'A' },
      { op: 'add', path: 'Name.GivenName', value: 'B' },
      { op: 'add', path: 'PreferredLanguage', value: 'en-GB' },
      { op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:userName', value: 'a@example.com' },
    ],
    expect: { displayName: 'A', name: { givenName: 'B', familyName: 'Liddell' }, preferredLanguage: 'en-GB', userName: 'a@example.com' },
    absent: ['DISPLAYNAME', 'PreferredLanguage'],
  },
  {
    name: 'remove a complex sub-attribute; removing the last one drops the attribute',
    ops: [
      { op: 'remove', path: 'name.givenName' },
      { op: 'remove', path: 'name.familyName' },
    ],
    expect: {},
    absent: ['name'],
  },
  {
    name: 'Entra sets externalId, and an extension attribute sent without its URN',
    ops: [
      { op: 'Add', path: 'externalId', value: 'new-ext' },
      { op: 'replace', path: 'department', value: 'Ops' },
    ],
    expect: { externalId: 'new-ext', [ENT]: { department: 'Ops', manager: { value: MANAGER_ID } } },
    adaptations: ['capitalised op name', 'extension attribute without URN'],
  },
  {
    name: 'the enterprise schema URN as the path, with an object value',
    ops: [{ op: 'add', path: ENT, value: { employeeNumber: 42 } }],
    expect: { [ENT]: { department: 'Sales', manager: { value: MANAGER_ID }, employeeNumber: '42' } },
    adaptations: ['schema URN as path', 'number coerced to string'],
  },
  {
    name: 'attributes of unknown extension schemas are ignored',
    ops: [
      { op: 'add', path: 'urn:okta:custom:1.0:User:badge', value: 'x' },
      { op: 'add', value: { 'urn:example:ext:2.0:User:shoeSize': '9' } },
    ],
    expect: { displayName: 'Alice Liddell' },
    absent: ['urn:okta:custom:1.0:User', 'urn:example:ext:2.0:User'],
    adaptations: ['unknown extension attribute ignored'],
  },
  {
    name: 'a no-path value carrying the user own id and schemas is accepted',
    ops: [{ op: 'replace', value: { id: USER_ID.toUpperCase(), schemas: ['x'], title: 'CTO' } }],
    expect: { title: 'CTO', id: USER_ID },
    adaptations: ['own id in no-path value ignored', 'schemas in no-path value ignored'],
  },
  {
    name: 'an empty Operations list changes nothing',
    ops: [],
    expect: alice(),
    adaptations: [],
  },
];

describe('applyUserPatch', () => {
  it.each(cases)('$name', (c) => {
    const { resource, adaptations } = applyUserPatch(alice(), c.ops);
    // Each named attribute must equal exactly (not a subset), so a leftover value fails the test.
    for (const [key, value] of Object.entries(c.expect)) expect(resource[key], key).toEqual(value);
    for (const key of c.absent ?? []) expect(resource).not.toHaveProperty([key]);
    if (c.adaptations) expect(adaptations).toEqual(c.adaptations);
  });

  it('does not modify its input', () => {
    const input = alice();
    applyUserPatch(input, [
      { op: 'replace', path: 'name.givenName', value: 'X' },
      { op: 'remove', path: 'emails' },
    ]);
    expect(input).toEqual(alice());
  });

  it.each([
    ['id', { op: 'replace', path: 'id', value: 'x' }, 'mutability', '"id" cannot be modified'],
    ['meta', { op: 'replace', path: 'meta.lastModified', value: 'x' }, 'mutability', '"meta" cannot be modified'],
    ['schemas', { op: 'add', path: 'schemas', value: ['x'] }, 'mutability', '"schemas" cannot be modified'],
    ['groups (readOnly)', { op: 'add', path: 'groups', value: [{ value: 'g' }] }, 'mutability', '"groups" cannot be modified'],
    ['another id in a no-path value', { op: 'replace', value: { id: MANAGER_ID } }, 'mutability', '"id" cannot be modified'],
    ['remove without a path', { op: 'remove' }, 'noTarget', 'Operations[0]: "remove" needs a path'],
    ['unknown attribute', { op: 'add', path: 'shoeSize', value: '9' }, 'invalidPath', 'Unknown User attribute "shoeSize"'],
    ['unknown sub-attribute', { op: 'add', path: 'name.nick', value: 'x' }, 'invalidPath', '"name" has no sub-attribute "nick"'],
    [
      'filter on a singular attribute',
      { op: 'add', path: 'title[value eq "x"]', value: 'x' },
      'invalidPath',
      '"title" is not multi-valued: no [filter] allowed',
    ],
    ['bad path syntax', { op: 'add', path: 'emails[type eq "work"', value: 'x' }, 'invalidPath', 'Expected "]", found end of input'],
    [
      'a value filter that cannot create',
      { op: 'replace', path: 'emails[value co "zzz"].value', value: 'x@y' },
      'noTarget',
      'No value of "emails" matches the filter',
    ],
    ['a non-boolean active', { op: 'replace', path: 'active', value: 'yes' }, 'invalidValue', '"active" must be a boolean, got "yes"'],
    ['an object for a string', { op: 'replace', path: 'title', value: { a: 1 } }, 'invalidValue', '"title" must be a string, got {"a":1}'],
    // Issue 14: both were applied (200, userName "5"; the bogus URN silently ignored).
    ['a number for userName', { op: 'replace', path: 'userName', value: 5 }, 'invalidValue', '"userName" must be a string, got 5'],
    ['a number for userName in a no-path value', { op: 'replace', value: { userName: 5 } }, 'invalidValue', '"userName" must be a string, got 5'],
    [
      'a path naming no User schema',
      { op: 'add', path: 'urn:bogus:schema:attr', value: 'x' },
      'invalidPath',
      expect.stringContaining('"urn:bogus:schema:attr" names no User schema') as unknown as string,
    ],
    ['a string for name', { op: 'replace', path: 'name', value: 'Alice' }, 'invalidValue', '"name" must be an object, got "Alice"'],
    ['add without a value', { op: 'add', path: 'title' }, 'invalidValue', 'Operations[0]: "add" needs a value'],
    ['no-path with a non-object value', { op: 'replace', value: 'x' }, 'invalidValue', 'Operations[0]: "replace" without a path needs an object value'],
    ['an unknown op', { op: 'move', path: 'title', value: 'x' }, 'invalidSyntax', 'Operations[0]: op "move" is not add, remove or replace'],
    ['a non-string path', { op: 'add', path: 7, value: 'x' }, 'invalidSyntax', 'Operations[0]: path: Invalid input: expected string, received number'],
    ['an operation that is not an object', 'replace', 'invalidSyntax', 'Operations[0]: Invalid input: expected object, received string'],
  ])('rejects %s', (_, op, scimType, detail) => {
    expect(errorOf(() => applyUserPatch(alice(), [op]))).toMatchObject({ status: 400, scimType, detail });
  });

  it('a failing operation leaves the input untouched', () => {
    const input = alice();
    errorOf(() =>
      applyUserPatch(input, [
        { op: 'replace', path: 'title', value: 'x' },
        { op: 'replace', path: 'id', value: 'y' },
      ]),
    );
    expect(input).toEqual(alice());
  });

  it('refuses more than 1,000 operations', () => {
    const ops = Array.from({ length: 1_001 }, () => ({ op: 'replace', path: 'title', value: 'x' }));
    expect(errorOf(() => applyUserPatch(alice(), ops))).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(applyUserPatch(alice(), ops.slice(1)).resource.title).toBe('x');
  });
});
