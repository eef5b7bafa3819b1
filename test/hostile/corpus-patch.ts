import { ENTERPRISE_URN, PATCH_URN, USER_URN, patch, type BugId, type CorpusIds, type HostileCase } from './corpus-types';

type Spoiled = { name: string; body: HostileCase['body']; bug?: BugId; status?: readonly number[]; scimType?: string };

const ops = (n: number, op: unknown) => Array.from({ length: n }, () => op);

/** Deterministic pseudo-random letters (a linear congruential generator): the corpus is fixed. */
function randomLetters(length: number): string {
  let seed = 42;
  return Array.from({ length }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return String.fromCharCode(97 + (seed % 26));
  }).join('');
}

/** PatchOp bodies that are malformed whatever the resource (RFC 7644 §3.5.2): 400. */
const STRUCTURAL: Spoiled[] = [
  { name: 'no Operations', body: { schemas: [PATCH_URN] } },
  { name: 'empty Operations', body: patch() },
  { name: 'Operations is a string', body: { schemas: [PATCH_URN], Operations: 'replace' } },
  { name: 'Operations is an object', body: { schemas: [PATCH_URN], Operations: { op: 'replace', path: 'displayName', value: 'x' } } },
  { name: 'operation is null', body: patch(null) },
  { name: 'operation is a number', body: patch(5) },
  { name: 'op "frobnicate"', body: patch({ op: 'frobnicate', path: 'displayName', value: 'x' }) },
  { name: 'op is a number', body: patch({ op: 5, path: 'displayName', value: 'x' }) },
  { name: 'op is empty', body: patch({ op: '', path: 'displayName', value: 'x' }) },
  { name: 'path is a number', body: patch({ op: 'replace', path: 5, value: 'x' }) },
  { name: 'add without a value', body: patch({ op: 'add', path: 'displayName' }) },
  { name: 'remove without a path', body: patch({ op: 'remove' }) },
  { name: 'unclosed bracket in the path', body: patch({ op: 'replace', path: 'members[value eq "x"', value: 'x' }) },
  { name: 'no-path value is a string', body: patch({ op: 'replace', value: 'x' }) },
  { name: 'no-path value with "__proto__"', body: `{"Operations":[{"op":"add","value":{"__proto__":{"polluted":1}}}]}` },
  { name: 'path "__proto__.polluted"', body: patch({ op: 'add', path: '__proto__.polluted', value: 1 }) },
  { name: 'path "constructor"', body: patch({ op: 'add', path: 'constructor', value: { prototype: { polluted: 1 } } }) },
  { name: 'path of 100,000 characters', body: patch({ op: 'replace', path: `a${'.b'.repeat(50_000)}`, value: 1 }) },
  { name: 'path nested 30 parentheses deep', body: patch({ op: 'remove', path: `members[${'('.repeat(30)}value eq "x"${')'.repeat(30)}]` }) },
  { name: '1,001 operations', body: patch(...ops(1001, { op: 'replace', path: 'displayName', value: 'x' })) },
  { name: 'path "id"', body: patch({ op: 'replace', path: 'id', value: '00000000-0000-4000-8000-000000000000' }) },
  { name: 'path "meta"', body: patch({ op: 'replace', path: 'meta', value: { version: 'W/"1"' } }) },
  { name: 'path "schemas"', body: patch({ op: 'replace', path: 'schemas', value: [] }) },
  { name: 'unknown attribute', body: patch({ op: 'replace', path: 'nosuchattribute', value: 'x' }) },
  { name: 'NUL inside the path', body: patch({ op: 'replace', path: 'display\u0000Name', value: 'x' }), bug: 'auditLost' },
];

/** User-only: values of the wrong type or shape, read-only attributes, what PUT would refuse. */
const USER_ONLY: Spoiled[] = [
  // Issue 14: applied before (200, userName "5"; the URN silently ignored).
  { name: 'replace userName with a number', body: patch({ op: 'replace', path: 'userName', value: 5 }), scimType: 'invalidValue' },
  { name: 'path naming an unknown schema URN', body: patch({ op: 'replace', path: 'urn:bogus:schema:attr', value: 'x' }), scimType: 'invalidPath' },
  { name: 'path "name["', body: patch({ op: 'replace', path: 'name[', value: 'x' }) },
  { name: 'path "emails[type eq]"', body: patch({ op: 'replace', path: 'emails[type eq]', value: 'x' }) },
  { name: 'value filter on a single-valued attribute', body: patch({ op: 'replace', path: 'userName[value eq "x"]', value: 'x' }) },
  { name: 'path "meta.created"', body: patch({ op: 'replace', path: 'meta.created', value: '2020-01-01T00:00:00Z' }) },
  { name: 'path "groups"', body: patch({ op: 'add', path: 'groups', value: [{ value: 'x' }] }) },
  { name: 'path "name.__proto__"', body: patch({ op: 'add', path: 'name.__proto__', value: { givenName: 'x' } }) },
  { name: 'path "name.givenName.extra"', body: patch({ op: 'replace', path: 'name.givenName.extra', value: 'x' }) },
  { name: 'path "name.nosuch"', body: patch({ op: 'replace', path: 'name.nosuch', value: 'x' }) },
  { name: 'sub-attribute "constructor" of an email', body: patch({ op: 'add', path: 'emails[type eq "work"].constructor', value: 'x' }) },
  { name: 'no-path value {"constructor": 1}', body: patch({ op: 'replace', value: { constructor: 1 } }) },
  {
    name: 'no-path value with "prototype" in an enterprise object',
    body: `{"Operations":[{"op":"replace","value":{"${ENTERPRISE_URN}":{"prototype":{"x":1}}}}]}`,
  },
  { name: 'remove userName', body: patch({ op: 'remove', path: 'userName' }) },
  { name: 'replace userName with null', body: patch({ op: 'replace', path: 'userName', value: null }) },
  { name: 'replace userName with 300 characters', body: patch({ op: 'replace', path: 'userName', value: `${'u'.repeat(288)}@example.test` }) },
  { name: 'replace userName with an object', body: patch({ op: 'replace', path: 'userName', value: { value: 'x' } }) },
  { name: 'replace active with "maybe"', body: patch({ op: 'replace', path: 'active', value: 'maybe' }) },
  { name: 'replace active with an object', body: patch({ op: 'replace', path: 'active', value: {} }) },
  { name: 'replace displayName with 1,025 characters', body: patch({ op: 'replace', path: 'displayName', value: 'd'.repeat(1025) }) },
  { name: 'replace externalId with an array', body: patch({ op: 'replace', path: 'externalId', value: [1, 2] }) },
  { name: 'replace name with a string', body: patch({ op: 'replace', path: 'name', value: 'Ada' }) },
  { name: 'work email value is a number', body: patch({ op: 'replace', path: 'emails[type eq "work"].value', value: 5 }) },
  { name: 'work email value is not an email', body: patch({ op: 'replace', path: 'emails[type eq "work"].value', value: 'nope' }) },
  { name: 'add 21 emails', body: patch({ op: 'add', path: 'emails', value: Array.from({ length: 21 }, (_, i) => ({ value: `x${i}@example.test` })) }) },
  { name: 'remove a whole schema', body: patch({ op: 'remove', path: USER_URN }) },
  { name: 'department is an object', body: patch({ op: 'replace', path: `${ENTERPRISE_URN}:department`, value: { a: 1 } }) },
  { name: "manager is the other org's user", body: (ids: CorpusIds) => patch({ op: 'replace', path: `${ENTERPRISE_URN}:manager`, value: ids.foreignUser }) },
  { name: 'manager is an unknown id', body: patch({ op: 'replace', path: `${ENTERPRISE_URN}:manager.value`, value: '00000000-0000-4000-8000-000000000000' }) },
  {
    name: 'a good op followed by a bad one (nothing half-applied)',
    body: patch({ op: 'replace', path: 'displayName', value: 'Half' }, { op: 'replace', path: 'active', value: 'no' }),
  },
  { name: 'NUL in displayName', body: patch({ op: 'replace', path: 'displayName', value: 'x\u0000' }), bug: 'nulStored' },
  { name: 'NUL in a dotted no-path key', body: patch({ op: 'replace', value: { 'name.givenName': 'g\u0000' } }), bug: 'nulStored' },
  { name: 'NUL in a value filter of a remove', body: patch({ op: 'remove', path: 'phoneNumbers[value eq "\u0000"]' }), bug: 'auditLost' },
];

/** Group-only: membership paths and values, displayName rules. */
const GROUP_ONLY: Spoiled[] = [
  { name: 'add with a members filter', body: patch({ op: 'add', path: 'members[value eq "x"]', value: [{ value: 'x' }] }) },
  { name: 'path "members.value"', body: patch({ op: 'add', path: 'members.value', value: 'x' }) },
  { name: 'remove displayName', body: patch({ op: 'remove', path: 'displayName' }) },
  { name: 'replace displayName with ""', body: patch({ op: 'replace', path: 'displayName', value: '' }) },
  { name: 'replace displayName with a number', body: patch({ op: 'replace', path: 'displayName', value: 5 }) },
  { name: 'replace displayName with 257 characters', body: patch({ op: 'replace', path: 'displayName', value: 'g'.repeat(257) }), bug: 'groupPatchLimits' },
  // Incompressible, so it overflows the btree entry of the lower(display_name) unique index.
  {
    name: 'replace displayName with 10,000 random letters',
    body: patch({ op: 'replace', path: 'displayName', value: randomLetters(10_000) }),
    bug: 'groupPatchLimits',
  },
  { name: 'replace externalId with 1,025 characters', body: patch({ op: 'replace', path: 'externalId', value: 'e'.repeat(1025) }), bug: 'groupPatchLimits' },
  { name: 'no-path rename to 257 characters', body: patch({ op: 'replace', value: { displayName: 'n'.repeat(257) } }), bug: 'groupPatchLimits' },
  { name: 'replace externalId with an object', body: patch({ op: 'replace', path: 'externalId', value: {} }) },
  { name: 'attribute of an unknown schema', body: patch({ op: 'replace', path: 'urn:evil:schema:displayName', value: 'x' }) },
  { name: 'path "displayName.sub"', body: patch({ op: 'replace', path: 'displayName.sub', value: 'x' }) },
  { name: 'add members as a number', body: patch({ op: 'add', path: 'members', value: 5 }) },
  // Issue 14: was added as if it were a list (204).
  { name: 'add members as a string', body: (ids: CorpusIds) => patch({ op: 'add', path: 'members', value: ids.user2 }), scimType: 'invalidValue' },
  { name: 'add members[0].value as a number', body: patch({ op: 'add', path: 'members', value: [{ value: 5 }] }) },
  {
    name: 'add 10,001 members',
    body: patch({
      op: 'add',
      path: 'members',
      value: Array.from({ length: 10_001 }, (_, i) => ({ value: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })),
    }),
  },
  {
    name: 'no-path value renames another group by id',
    body: (ids: CorpusIds) => patch({ op: 'replace', value: { id: ids.foreignGroup, displayName: 'Stolen' } }),
  },
  { name: 'NUL in displayName', body: patch({ op: 'replace', path: 'displayName', value: 'g\u0000' }), bug: 'nulStored' },
  { name: 'NUL in externalId', body: patch({ op: 'replace', path: 'externalId', value: 'e\u0000' }), bug: 'nulStored' },
  { name: 'NUL in an added member value', body: patch({ op: 'add', path: 'members', value: [{ value: 'x\u0000' }] }), bug: 'nulStored' },
];

const on = (endpoint: HostileCase['endpoint'], path: string, list: Spoiled[], prefix: string): HostileCase[] =>
  list.map(({ name, bug, ...rest }) => ({ endpoint, method: 'PATCH', path, name: `${prefix}: ${name}`, ...rest, ...(bug ? { bug } : {}) }));

export const patchCases: HostileCase[] = [
  ...on('/Users/{id}', '/Users/{user}', STRUCTURAL, 'User PATCH'),
  ...on('/Users/{id}', '/Users/{user}', USER_ONLY, 'User PATCH'),
  ...on('/Groups/{id}', '/Groups/{group}', STRUCTURAL, 'Group PATCH'),
  ...on('/Groups/{id}', '/Groups/{group}', GROUP_ONLY, 'Group PATCH'),
];
