import crypto from 'node:crypto';
import { and, count, eq, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groups, members } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { ScimError } from '@/lib/scim/errors';
import { compileFilter, compileGroupFilter, compileUserFilter, parseFilter, parsePath } from '@/lib/scim/filter';
import { GROUP_FILTER_MAP, USER_FILTER_MAP } from '@/lib/scim/filter/attribute-maps';
import { testDrivers } from '@/test/test-databases';
import { anyString, FC_SEED, filterAst, printFilter, tokenSoup, typedString } from './filter-arbitraries';

/**
 * Property-based fuzzing of the filter parser and SQL compiler (issue 6). A filter either parses
 * and compiles to parameterised SQL, or fails with 400 invalidFilter — never anything else, and
 * never with a value spliced into the SQL text.
 */
const dialect = new PgDialect();
const runs = (numRuns: number) => ({ seed: FC_SEED, numRuns });

/**
 * Runs `fn`: `{ value }` when it returns, null when it throws a 400 ScimError of the expected
 * kind; anything else thrown fails the property.
 */
function attempt<T>(scimType: 'invalidFilter' | 'invalidPath', fn: () => T): { value: T } | null {
  try {
    return { value: fn() };
  } catch (error) {
    if (error instanceof ScimError && error.status === 400 && error.scimType === scimType) return null;
    throw error;
  }
}

/** Parse, then compile for both resources: each step gives SQL or is a 400 invalidFilter. */
function parseAndCompile(text: string): void {
  if (!attempt('invalidFilter', () => parseFilter(text))) return;
  for (const compile of [compileUserFilter, compileGroupFilter]) {
    const compiled = attempt('invalidFilter', () => compile(text));
    if (compiled) expect(compiled.value).toBeInstanceOf(SQL);
  }
}

const longStrings = fc.string({ unit: 'binary', minLength: 1_900, maxLength: 2_200 });

describe('filter parser fuzzing', () => {
  it('arbitrary Unicode strings parse or fail with 400 invalidFilter', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), longStrings), parseAndCompile), runs(2_000));
  });

  it('token soup of filter syntax parses or fails with 400 invalidFilter', () => {
    fc.assert(fc.property(tokenSoup, parseAndCompile), runs(3_000));
  });

  it('PATCH paths parse or fail with 400 invalidPath', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), tokenSoup), (text) => {
        attempt('invalidPath', () => parsePath(text));
      }),
      runs(2_000),
    );
  });

  it('prints and re-parses every generated filter to the same tree', () => {
    fc.assert(
      fc.property(filterAst(), (ast) => {
        expect(parseFilter(printFilter(ast))).toEqual(ast);
      }),
      runs(1_000),
    );
    fc.assert(
      fc.property(filterAst(anyString, true), (ast) => {
        expect(parseFilter(printFilter(ast))).toEqual(ast);
      }),
      runs(500),
    );
  });
});

/** A marker no SQL the compiler writes contains, put in every generated string value. */
const MARK = 'QzX';
const marked = anyString.map((s) => `${MARK}${s}${MARK}`);

describe('filter compiler fuzzing', () => {
  it('never puts a value into the SQL text, for Users and Groups', () => {
    let compiledCount = 0;
    fc.assert(
      fc.property(fc.oneof(filterAst(marked), filterAst(marked, true)), (ast) => {
        for (const map of [USER_FILTER_MAP, GROUP_FILTER_MAP]) {
          const compiled = attempt('invalidFilter', () => compileFilter(ast, map));
          if (!compiled) continue;
          compiledCount += 1;
          expect(compiled.value).toBeInstanceOf(SQL);
          const query = dialect.sqlToQuery(compiled.value);
          expect(query.sql).not.toContain(MARK);
          for (const param of query.params) expect(['string', 'number', 'boolean']).toContain(typeof param);
        }
      }),
      runs(1_500),
    );
    expect(compiledCount).toBeGreaterThan(150); // the property is not vacuous
  });

  // String attributes take every operator, so these filters always compile, and each value
  // must arrive as a bind parameter (LIKE patterns escaped, STYLE pattern 6).
  const STRING_ATTRS = [
    'userName',
    'displayName',
    'title',
    'name.givenName',
    'name.familyName',
    'externalId',
    'locale',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
  ];
  const stringCompare = fc.record({
    attr: fc.constantFrom(...STRING_ATTRS),
    op: fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'),
    value: marked,
  });
  const stringFilter = fc
    .array(stringCompare, { minLength: 1, maxLength: 6 })
    .chain((leaves) =>
      fc
        .array(fc.constantFrom(' and ', ' or ', ' and not ', ' or not '), { minLength: leaves.length - 1, maxLength: leaves.length - 1 })
        .map((joins) => ({ leaves, joins })),
    );
  const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');
  const expectedParam = (op: string, v: string) =>
    op === 'co' ? `%${escapeLike(v)}%` : op === 'sw' ? `${escapeLike(v)}%` : op === 'ew' ? `%${escapeLike(v)}` : v;

  it('sends every value of a string filter as a parameter', () => {
    fc.assert(
      fc.property(stringFilter, ({ leaves, joins }) => {
        const text = leaves.map((l, i) => `${i ? joins[i - 1] : ''}(${l.attr} ${l.op} ${JSON.stringify(l.value)})`).join('');
        const query = dialect.sqlToQuery(compileUserFilter(text));
        expect(query.sql).not.toContain(MARK);
        for (const leaf of leaves) expect(query.params).toContain(expectedParam(leaf.op, leaf.value));
      }),
      runs(800),
    );
  });

  // Known bug protoAttr (see hostile corpus): names on Object.prototype are found in the
  // allow-list objects. Flip to `it` once resolve.ts looks attributes up with Object.hasOwn.
  it('refuses attribute names that exist on Object.prototype', () => {
    const protoFilter = fc.constantFrom(
      'constructor eq "x"',
      'displayName eq "a" and constructor pr',
      'not (constructor eq "x")',
      'emails[constructor eq "x"]',
      'members[constructor eq "x"]',
    );
    fc.assert(fc.property(protoFilter, parseAndCompile), runs(50));
  });
});

describe.each(testDrivers())('compiled filters run on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  // NUL is left out: it is known bug nulFilter, covered by the hostile corpus.
  const noNul = fc.oneof(anyString, typedString).filter((s) => !s.includes('\u0000'));

  it('every filter that compiles is SQL PostgreSQL accepts', async () => {
    const orgId = crypto.randomUUID();
    let executed = 0;
    await fc.assert(
      fc.asyncProperty(filterAst(noNul, true), async (ast) => {
        const user = attempt('invalidFilter', () => compileFilter(ast, USER_FILTER_MAP));
        if (user)
          await handle.db
            .select({ n: count() })
            .from(members)
            .where(and(eq(members.orgId, orgId), user.value));
        const group = attempt('invalidFilter', () => compileFilter(ast, GROUP_FILTER_MAP));
        if (group)
          await handle.db
            .select({ n: count() })
            .from(groups)
            .where(and(eq(groups.orgId, orgId), group.value));
        executed += (user ? 1 : 0) + (group ? 1 : 0);
      }),
      runs(400),
    );
    expect(executed).toBeGreaterThan(60); // the property is not vacuous
  });
});
