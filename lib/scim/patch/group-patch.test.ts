import { describe, expect, it } from 'vitest';
import { MAX_MEMBER_VALUES, planGroupPatch } from './group-patch';
import type { GroupPatchPlan } from './types';
import { errorOf } from '@/test/scim-error-of';

const GROUP_ID = 'a8d1c9e2-5b7f-4c3a-9e1d-2f6b8c4a7e90';
const A = '2819c223-7f76-453a-919d-413861904646';
const B = '902c246b-6245-4190-8e05-00816be7344a';
const C = 'c3c4a0f2-6f0e-4b51-9a3b-6d3f1b2e8a11';

const none = { add: [], remove: [] };

type Case = { name: string; ops: unknown[]; plan: Omit<GroupPatchPlan, 'adaptations'>; adaptations?: string[] };

// Shapes from Okta's SCIM 2.0 guide (Push Groups), Microsoft's SCIM tutorial (Update Group),
// OneLogin's SCIM docs and JumpCloud's group provisioning.
const cases: Case[] = [
  {
    name: 'Okta pushes new members',
    ops: [
      {
        op: 'add',
        path: 'members',
        value: [
          { value: A, display: 'alice@example.com' },
          { value: B, display: 'bob@example.com' },
        ],
      },
    ],
    plan: { members: { add: [A, B], remove: [] } },
    adaptations: [],
  },
  {
    name: 'Okta removes a member with a value filter',
    ops: [{ op: 'remove', path: `members[value eq "${A}"]` }],
    plan: { members: { add: [], remove: [A] } },
  },
  {
    name: 'Okta renames with a no-path replace carrying the group own id',
    ops: [{ op: 'replace', value: { id: GROUP_ID, displayName: 'Sales EMEA' } }],
    plan: { displayName: 'Sales EMEA', members: none },
    adaptations: ['own id in no-path value ignored'],
  },
  {
    name: 'Entra adds a member (capitalised op, upper-case id)',
    ops: [{ op: 'Add', path: 'members', value: [{ value: A.toUpperCase() }] }],
    plan: { members: { add: [A], remove: [] } },
    adaptations: ['capitalised op name'],
  },
  {
    name: 'Entra removes listed members only — never the whole group',
    ops: [{ op: 'Remove', path: 'members', value: [{ value: A }] }],
    plan: { members: { add: [], remove: [A] } },
    adaptations: ['capitalised op name', 'remove with value list'],
  },
  {
    name: 'Entra renames and changes externalId by path',
    ops: [
      { op: 'Replace', path: 'displayName', value: 'Engineering' },
      { op: 'Add', path: 'externalId', value: 'ent-7' },
    ],
    plan: { displayName: 'Engineering', externalId: 'ent-7', members: none },
  },
  {
    name: 'removing externalId (or setting it to "") clears it',
    ops: [{ op: 'remove', path: 'externalId' }],
    plan: { externalId: null, members: none },
  },
  {
    name: 'OneLogin removes with a value list',
    ops: [{ op: 'remove', path: 'members', value: [{ value: A }, { value: B }] }],
    plan: { members: { add: [], remove: [A, B] } },
  },
  {
    name: 'JumpCloud adds members and renames',
    ops: [
      { op: 'add', path: 'members', value: [{ value: C, display: 'carol' }] },
      { op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:Group:displayName', value: 'Support' },
    ],
    plan: { displayName: 'Support', members: { add: [C], remove: [] } },
  },
  {
    name: 'remove members without a value empties the group',
    ops: [{ op: 'remove', path: 'members' }],
    plan: { members: { add: [], remove: [], removeAll: true } },
  },
  {
    name: 'an empty value list on remove removes nobody',
    ops: [{ op: 'Remove', path: 'members', value: [] }],
    plan: { members: none },
  },
  {
    name: 'replace members sets the exact membership',
    ops: [{ op: 'replace', path: 'members', value: [{ value: A }, { value: B }] }],
    plan: { members: { add: [], remove: [], replaceAll: [A, B] } },
  },
  {
    name: 'no-path replace of members and displayName',
    ops: [{ op: 'replace', value: { displayName: 'Ops', members: [{ value: C }] } }],
    plan: { displayName: 'Ops', members: { add: [], remove: [], replaceAll: [C] } },
  },
  {
    name: 'several ids in one filter joined with or',
    ops: [{ op: 'remove', path: `members[value eq "${A}" or value eq "${B}"]` }],
    plan: { members: { add: [], remove: [A, B] } },
  },
  {
    name: 'a single member object and bare ids inside the list are tolerated',
    ops: [
      { op: 'add', path: 'members', value: { value: A } },
      { op: 'add', path: 'members', value: [B] },
    ],
    plan: { members: { add: [A, B], remove: [] } },
    adaptations: ['single value wrapped in array', 'bare value wrapped as multi-valued entry'],
  },
  // Sequential operations combine.
  {
    name: 'add then remove the same id',
    ops: [
      { op: 'add', path: 'members', value: [{ value: A }] },
      { op: 'remove', path: `members[value eq "${A}"]` },
    ],
    plan: { members: { add: [], remove: [A] } },
  },
  {
    name: 'remove then add the same id',
    ops: [
      { op: 'remove', path: `members[value eq "${A}"]` },
      { op: 'add', path: 'members', value: [{ value: A }] },
    ],
    plan: { members: { add: [A], remove: [] } },
  },
  {
    name: 'replace then add and remove fold into the replacement',
    ops: [
      { op: 'replace', path: 'members', value: [{ value: A }, { value: B }] },
      { op: 'add', path: 'members', value: [{ value: C }] },
      { op: 'remove', path: 'members', value: [{ value: A }] },
    ],
    plan: { members: { add: [], remove: [], replaceAll: [B, C] } },
  },
  {
    name: 'remove all then add keeps only the added',
    ops: [
      { op: 'add', path: 'members', value: [{ value: A }] },
      { op: 'remove', path: 'members' },
      { op: 'add', path: 'members', value: [{ value: B }, { value: C }] },
      { op: 'remove', path: `members[value eq "${C}"]` },
    ],
    plan: { members: { add: [B], remove: [], removeAll: true } },
  },
  {
    name: 'a later rename wins',
    ops: [
      { op: 'replace', path: 'displayName', value: 'One' },
      { op: 'replace', value: { DisplayName: 'Two' } },
    ],
    plan: { displayName: 'Two', members: none },
  },
];

describe('planGroupPatch', () => {
  it.each(cases)('$name', (c) => {
    const { adaptations, ...plan } = planGroupPatch(c.ops, GROUP_ID);
    expect(plan).toEqual(c.plan);
    if (c.adaptations) expect(adaptations).toEqual(c.adaptations);
  });

  it.each([
    ['a rename carrying another group id', { op: 'replace', value: { id: A, displayName: 'x' } }, 'mutability'],
    ['a path to id', { op: 'replace', path: 'id', value: GROUP_ID }, 'mutability'],
    ['a path to meta', { op: 'replace', path: 'meta.version', value: 'x' }, 'mutability'],
    ['removing displayName', { op: 'remove', path: 'displayName' }, 'invalidValue'],
    ['an empty displayName', { op: 'replace', path: 'displayName', value: '  ' }, 'invalidValue'],
    ['a non-string externalId', { op: 'replace', path: 'externalId', value: 7 }, 'invalidValue'],
    ['a member without value', { op: 'add', path: 'members', value: [{ display: 'x' }] }, 'invalidValue'],
    // Issue 14: members as a bare string was added as if it were a list (204).
    ['members added as a string', { op: 'add', path: 'members', value: '2819c223-7f76-453a-919d-413861904646' }, 'invalidValue'],
    ['members replaced with a number', { op: 'replace', path: 'members', value: 5 }, 'invalidValue'],
    ['add with a members filter', { op: 'add', path: `members[value eq "${A}"]`, value: [] }, 'invalidPath'],
    ['a members filter on display', { op: 'remove', path: 'members[display eq "Alice"]' }, 'invalidPath'],
    ['members.value', { op: 'remove', path: 'members.value' }, 'invalidPath'],
    ['an unknown attribute', { op: 'replace', path: 'description', value: 'x' }, 'invalidPath'],
    ['a User attribute', { op: 'replace', value: { userName: 'x' } }, 'invalidPath'],
    ['another schema', { op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:displayName', value: 'x' }, 'invalidPath'],
    ['remove without a path', { op: 'remove' }, 'noTarget'],
    ['an unknown op', { op: 'merge', path: 'members', value: [] }, 'invalidSyntax'],
  ])('rejects %s', (_, op, scimType) => {
    expect(errorOf(() => planGroupPatch([op], GROUP_ID))).toMatchObject({ status: 400, scimType });
  });

  it(`refuses more than ${MAX_MEMBER_VALUES} member values in one request`, () => {
    const value = Array.from({ length: MAX_MEMBER_VALUES / 2 + 1 }, (_, i) => ({ value: `id-${i}` }));
    const ops = [
      { op: 'add', path: 'members', value },
      { op: 'remove', path: 'members', value },
    ];
    expect(errorOf(() => planGroupPatch(ops, GROUP_ID))).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(planGroupPatch(ops.slice(0, 1), GROUP_ID).members.add).toHaveLength(MAX_MEMBER_VALUES / 2 + 1);
  });
});
