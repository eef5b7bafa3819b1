import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ScimError } from '@/lib/scim/errors';
import { applyUserPatch, planGroupPatch, type MemberChanges } from '@/lib/scim/patch';
import { parseUserBody } from '@/lib/scim/schemas/user';
import { FC_SEED } from './filter-arbitraries';

/**
 * Property-based fuzzing of the PATCH engine (RFC 7644 §3.5.2; issue 6): on any Operations
 * array it returns or throws a ScimError, never touches its input or Object.prototype, and a
 * User it returns is one PUT would also accept (or refuse with a ScimError).
 */
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_ID = 'a8d1c9e2-5b7f-4c3a-9e1d-2f6b8c4a7e90';
const IDS = [
  '2819c223-7f76-453a-919d-413861904646',
  '902c246b-6245-4190-8e05-00816be7344a',
  'c3c4a0f2-6f0e-4b51-9a3b-6d3f1b2e8a11',
  'd4d5e6f7-0000-4000-8000-000000000004',
];
const runs = (numRuns: number) => ({ seed: FC_SEED, numRuns });

const alice = {
  schemas: [CORE, ENT],
  id: '6ba7b810-9dad-41d1-80b4-00c04fd430c8',
  userName: 'alice@example.com',
  name: { givenName: 'Alice', familyName: 'Liddell' },
  displayName: 'Alice',
  active: true,
  emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
  phoneNumbers: [{ value: '+1 555 0100', type: 'work' }],
  [ENT]: { department: 'Sales', manager: { value: IDS[0] } },
  meta: { resourceType: 'User', version: 'W/"3"' },
};

const PATHS = [
  'userName',
  'displayName',
  'active',
  'name',
  'name.givenName',
  'name.familyName',
  'emails',
  'emails[type eq "work"]',
  'emails[type eq "work"].value',
  'emails[primary eq true].value',
  'phoneNumbers[type eq "mobile"].value',
  'addresses[type eq "work"].locality',
  'roles',
  'title',
  'externalId',
  'password',
  `${ENT}:department`,
  `${ENT}:manager`,
  `${ENT}:manager.value`,
  `${CORE}:userName`,
  ENT,
  CORE,
  'id',
  'meta',
  'groups',
  'schemas',
  'members',
  'members[value eq "x"]',
  `members[value eq "${IDS[1]}"]`,
  'displayname',
  'urn:evil:x:attr',
  '__proto__',
  'constructor',
  'constructor.prototype',
  'emails[value eq "a"].constructor',
];
const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PATHS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', 5, ['userName'], {}) },
);
const opName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('add', 'remove', 'replace', 'Add', 'REPLACE', 'Remove') },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);
const noPathValue = fc.dictionary(fc.oneof(fc.constantFrom(...PATHS), fc.string({ maxLength: 10 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('True', 'False', '', null, 'x@example.com', IDS[0], [{ value: IDS[2] }], { value: IDS[3] }),
  noPathValue,
  fc.anything({ maxDepth: 2 }),
);
const operation = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: opName, path, value }, { requiredKeys: ['op'] }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);
const operations = fc.array(operation, { maxLength: 8 });

/** Freezes a value and everything in it, so any write by the engine throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function scimErrorOnly<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ScimError && error.status >= 400 && error.status < 500) return undefined;
    throw error;
  }
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('PATCH engine fuzzing', () => {
  it('applyUserPatch returns or throws a ScimError, leaves its input alone, and its result re-parses', () => {
    const outcomes = { applied: 0, reparsed: 0 };
    fc.assert(
      fc.property(operations, (ops) => {
        const before = structuredClone(ops);
        const resource = deepFreeze(structuredClone(alice));
        const result = scimErrorOnly(() => applyUserPatch(resource, deepFreeze(ops)));
        expect(ops).toEqual(before);
        expect(resource).toEqual(alice);
        if (!result) return;
        outcomes.applied += 1;
        if (scimErrorOnly(() => parseUserBody(result.resource))) outcomes.reparsed += 1;
      }),
      runs(3_000),
    );
    console.info('applyUserPatch fuzz outcomes of 3,000 runs', outcomes);
    expect(outcomes.reparsed).toBeGreaterThan(100); // the property is not vacuous
  });

  it('planGroupPatch returns or throws a ScimError, leaves its input alone, and plans a consistent change', () => {
    let planned = 0;
    fc.assert(
      fc.property(operations, (ops) => {
        const before = structuredClone(ops);
        const plan = scimErrorOnly(() => planGroupPatch(deepFreeze(ops), GROUP_ID));
        expect(ops).toEqual(before);
        if (!plan) return;
        planned += 1;
        const { add, remove, replaceAll } = plan.members;
        for (const id of [...add, ...remove, ...(replaceAll ?? [])]) expect(typeof id).toBe('string');
        expect(add.filter((id) => remove.includes(id))).toEqual([]);
        if (plan.displayName !== undefined) expect(plan.displayName.trim()).not.toBe('');
        if (plan.externalId !== undefined) expect(plan.externalId === null || typeof plan.externalId === 'string').toBe(true);
      }),
      runs(3_000),
    );
    console.info(`planGroupPatch fuzz: ${planned} of 3,000 runs planned`);
    expect(planned).toBeGreaterThan(100);
  });

  // The plan is applied without reading the group (set-based SQL); folding the operations one
  // by one onto any current membership must end in the same members.
  const memberOp = fc.oneof(
    fc.subarray(IDS).map((ids) => ({ op: 'add', path: 'members', value: ids.map((v) => ({ value: v })) })),
    fc.subarray(IDS).map((ids) => ({ op: 'replace', path: 'members', value: ids.map((v) => ({ value: v })) })),
    fc.constantFrom(...IDS).map((id) => ({ op: 'remove', path: `members[value eq "${id}"]` })),
    fc.subarray(IDS, { minLength: 1 }).map((ids) => ({ op: 'remove', path: 'members', value: ids.map((v) => ({ value: v })) })),
    fc.constant({ op: 'remove', path: 'members' }),
  );
  const fold = (current: Set<string>, op: { op: string; path: string; value?: { value: string }[] }): Set<string> => {
    const ids = (op.value ?? []).map((v) => v.value);
    if (op.op === 'add') return new Set([...current, ...ids]);
    if (op.op === 'replace') return new Set(ids);
    const filtered = /value eq "(.*)"/.exec(op.path)?.[1];
    if (filtered) return new Set([...current].filter((id) => id !== filtered));
    return op.value ? new Set([...current].filter((id) => !ids.includes(id))) : new Set();
  };
  const applyPlan = (current: Set<string>, m: MemberChanges): Set<string> => {
    if (m.replaceAll) return new Set(m.replaceAll);
    if (m.removeAll) return new Set(m.add);
    return new Set([...[...current].filter((id) => !m.remove.includes(id)), ...m.add]);
  };

  it('a group plan ends in the same members as applying the operations in order', () => {
    fc.assert(
      fc.property(fc.subarray(IDS), fc.array(memberOp, { minLength: 1, maxLength: 8 }), (initial, ops) => {
        const expected = ops.reduce(fold, new Set(initial));
        const plan = planGroupPatch(ops, GROUP_ID);
        expect([...applyPlan(new Set(initial), plan.members)].sort()).toEqual([...expected].sort());
      }),
      runs(2_000),
    );
  });
});
