import { ENTERPRISE_URN, GROUP_URN, USER_URN, group, user, type BugId, type CorpusIds, type HostileCase } from './corpus-types';

type Spoiled = { name: string; body: HostileCase['body']; bug?: BugId; scimType?: string };

const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
const raw = (json: string) => json; // sent as written: JS object literals cannot carry an own "__proto__" key

/** User bodies with one attribute spoiled: 400 invalidSyntax / invalidValue naming it. */
const USER_BODIES: Spoiled[] = [
  { name: 'userName is a number', body: user({ userName: 42 }) },
  { name: 'userName is an array', body: user({ userName: ['a@example.test'] }) },
  { name: 'userName is an object', body: user({ userName: { value: 'a@example.test' } }) },
  { name: 'userName is null', body: user({ userName: null }) },
  { name: 'userName is true', body: user({ userName: true }) },
  { name: 'userName is empty', body: user({ userName: '' }) },
  { name: 'userName is blank', body: user({ userName: ' \t ' }) },
  { name: 'userName of 257 characters', body: user({}, `${'u'.repeat(245)}@example.test`) },
  { name: 'userName of 500,000 characters', body: user({ userName: 'u'.repeat(500_000) }) },
  { name: 'userName missing', body: { schemas: [USER_URN], emails: [{ value: 'm@example.test', primary: true }] } },
  { name: 'no email anywhere', body: { schemas: [USER_URN], userName: '😀😀😀' } },
  { name: 'name is a string', body: user({ name: 'Ada Lovelace' }) },
  { name: 'name.givenName is a number', body: user({ name: { givenName: 7 } }) },
  { name: 'name.givenName of 1,025 characters', body: user({ name: { givenName: 'g'.repeat(1025) } }) },
  { name: 'displayName is an array', body: user({ displayName: ['a', 'b'] }) },
  { name: 'displayName of 100,000 characters', body: user({ displayName: 'd'.repeat(100_000) }) },
  { name: 'emails is a number', body: user({ emails: 5 }) },
  // Issue 14: shapes no IdP sends, once wrapped and stored (201).
  { name: 'emails is a string', body: user({ emails: 'a@example.test' }), scimType: 'invalidValue' },
  { name: 'emails is a single object', body: user({ emails: { value: 'a@example.test', type: 'work' } }), scimType: 'invalidValue' },
  { name: 'phoneNumbers is a string', body: user({ phoneNumbers: '555' }), scimType: 'invalidValue' },
  { name: 'phoneNumbers is a single object', body: user({ phoneNumbers: { value: '555' } }), scimType: 'invalidValue' },
  { name: 'emails[0].value is a number', body: user({ emails: [{ value: 5, primary: true }] }) },
  { name: 'primary work email is not an email', body: user({ emails: [{ value: 'not-an-email', type: 'work', primary: true }] }) },
  { name: 'emails[0].primary is "yes"', body: user({ emails: [{ value: 'p@example.test', primary: 'yes' }] }) },
  { name: '21 emails', body: user({ emails: many(21, (i) => ({ value: `e${i}@example.test` })) }) },
  { name: '50,000 emails', body: user({ emails: many(50_000, () => ({ value: 'a@b.co' })) }) },
  { name: 'phoneNumbers[0].value is an object', body: user({ phoneNumbers: [{ value: {} }] }) },
  { name: 'active is "maybe"', body: user({ active: 'maybe' }) },
  { name: 'active is 1', body: user({ active: 1 }) },
  { name: 'active is an array', body: user({ active: [] }) },
  { name: 'externalId is an object', body: user({ externalId: { id: 1 } }) },
  { name: 'schemas names only an unknown URN', body: user({ schemas: ['urn:evil:schema'] }) },
  { name: 'schemas is a number', body: user({ schemas: 5 }) },
  { name: 'schemas is the Group schema', body: user({ schemas: [GROUP_URN] }) },
  { name: 'enterprise extension is a string', body: user({ [ENTERPRISE_URN]: 'Sales' }) },
  { name: 'enterprise department is a number', body: user({ [ENTERPRISE_URN]: { department: 12 } }) },
  { name: "manager is the other org's user", body: (ids: CorpusIds) => user({ [ENTERPRISE_URN]: { manager: { value: ids.foreignUser } } }) },
  { name: 'manager is an unknown id', body: user({ [ENTERPRISE_URN]: { manager: { value: '00000000-0000-4000-8000-000000000000' } } }) },
  { name: 'userName given twice in different case', body: user({ UserName: 'other@example.test' }) },
  { name: '__proto__ at the top', body: raw(`{"schemas":["${USER_URN}"],"userName":"p@example.test","__proto__":{"role":"owner"}}`) },
  { name: 'constructor.prototype at the top', body: raw(`{"userName":"p@example.test","constructor":{"prototype":{"role":"owner"}}}`) },
  { name: '__proto__ inside name', body: raw(`{"userName":"p@example.test","name":{"__proto__":{"givenName":"x"}}}`) },
  { name: '__proto__ inside an email', body: raw(`{"userName":"p@example.test","emails":[{"value":"p@example.test","__proto__":{"primary":true}}]}`) },
  { name: 'prototype inside the enterprise extension', body: raw(`{"userName":"p@example.test","${ENTERPRISE_URN}":{"prototype":{"x":1}}}`) },
  { name: '__PROTO__ in upper case', body: raw(`{"userName":"p@example.test","__PROTO__":{"x":1}}`) },
  { name: 'NUL in userName', body: user({}, 'nul\u0000@example.test'), bug: 'nulStored' },
  { name: 'NUL in displayName', body: user({ displayName: 'a\u0000b' }), bug: 'nulStored' },
  { name: 'NUL in an email value', body: user({ emails: [{ value: 'n\u0000@example.test', primary: true }] }), bug: 'nulStored' },
  { name: 'NUL in an unknown attribute name', body: user({ 'x\u0000': 1 }), bug: 'nulStored' },
  { name: 'lone surrogate in userName', body: user({}, 'lone\ud800@example.test'), bug: 'loneSurrogate' },
  { name: 'lone surrogate in name.givenName', body: user({ name: { givenName: 'x\udfff' } }), bug: 'loneSurrogate' },
];

/** Group bodies with one attribute spoiled. */
const GROUP_BODIES: Spoiled[] = [
  { name: 'displayName is a number', body: group({ displayName: 1 }) },
  { name: 'displayName is null', body: group({ displayName: null }) },
  { name: 'displayName is empty', body: group({ displayName: '' }) },
  { name: 'displayName is blank', body: group({ displayName: '\n\n' }) },
  { name: 'displayName of 257 characters', body: group({ displayName: 'g'.repeat(257) }) },
  { name: 'displayName is an array', body: group({ displayName: ['a'] }) },
  { name: 'displayName missing', body: { schemas: [GROUP_URN] } },
  { name: 'displayName given twice in different case', body: group({ DISPLAYNAME: 'Other' }) },
  { name: 'members is a string', body: group({ members: 'everyone' }) },
  { name: 'members is a number', body: group({ members: 5 }) },
  { name: 'members is one object with a numeric value', body: group({ members: { value: 5 } }) },
  { name: 'members[0].value is a number', body: group({ members: [{ value: 5 }] }) },
  { name: 'members[0].value is empty', body: group({ members: [{ value: '' }] }) },
  { name: 'members[0] is a number', body: group({ members: [5] }) },
  { name: 'members[0] is an array', body: group({ members: [['x']] }) },
  { name: 'members[0].value of 1,025 characters', body: group({ members: [{ value: 'm'.repeat(1025) }] }) },
  { name: '10,001 members', body: group({ members: many(10_001, (i) => ({ value: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })) }) },
  { name: 'externalId is an object', body: group({ externalId: {} }) },
  { name: 'schemas is the User schema', body: group({ schemas: [USER_URN] }) },
  { name: '__proto__ at the top', body: raw(`{"displayName":"P","__proto__":{"admin":true}}`) },
  { name: '__proto__ inside a member', body: raw(`{"displayName":"P","members":[{"value":"x","__proto__":{"a":1}}]}`) },
  { name: 'constructor inside a member', body: raw(`{"displayName":"P","members":[{"constructor":{"prototype":{}}}]}`) },
  { name: 'NUL in displayName', body: group({ displayName: 'g\u0000' }), bug: 'nulStored' },
  { name: 'NUL in externalId', body: group({ externalId: 'e\u0000' }), bug: 'nulStored' },
  { name: 'NUL in a member value', body: group({ members: [{ value: 'nul\u0000' }] }), bug: 'nulStored' },
  { name: 'lone surrogate in displayName', body: group({ displayName: 'g\ud83d' }), bug: 'loneSurrogate' },
];

const on = (endpoint: HostileCase['endpoint'], method: string, path: string, list: Spoiled[], prefix: string): HostileCase[] =>
  list.map(({ name, body, bug, scimType }) => ({
    endpoint,
    method,
    path,
    name: `${prefix}: ${name}`,
    body,
    ...(bug ? { bug } : {}),
    ...(scimType ? { scimType } : {}),
  }));

export const bodyCases: HostileCase[] = [
  ...on('/Users', 'POST', '/Users', USER_BODIES, 'User body'),
  ...on('/Users/{id}', 'PUT', '/Users/{user}', USER_BODIES, 'User body'),
  ...on('/Groups', 'POST', '/Groups', GROUP_BODIES, 'Group body'),
  ...on('/Groups/{id}', 'PUT', '/Groups/{group}', GROUP_BODIES, 'Group body'),
];
