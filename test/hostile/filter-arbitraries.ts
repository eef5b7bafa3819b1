import { isStorableText } from '@/lib/storable-text';
import fc from 'fast-check';
import { COMPARE_OPS, type AttrPath, type FilterNode, type FilterValue } from '@/lib/scim/filter/ast';
import { KNOWN_SCHEMA_URNS } from '@/lib/scim/urns';

/**
 * fast-check generators for SCIM filters (RFC 7644 §3.4.2.2): well-formed ASTs with a printer
 * that the parser must read back to the same AST, and token soup that is mostly malformed.
 */

/** Fixed seed for CI; set FC_SEED to explore other corners (a failure prints its seed). */
export const FC_SEED = Number(process.env.FC_SEED ?? 6_2026);

/** Words the parser treats as keywords where an attribute name could stand. */
const KEYWORDS = new Set(['and', 'or', 'not']);

const KNOWN_ATTRS = [
  'userName',
  'displayName',
  'name',
  'emails',
  'title',
  'active',
  'id',
  'externalId',
  'meta',
  'members',
  'manager',
  'department',
  'userType',
  'locale',
  'phoneNumbers',
  'groups',
  'password',
  '$ref',
];
const KNOWN_SUBS = ['givenName', 'familyName', 'formatted', 'value', 'type', 'primary', 'display', 'created', 'lastModified'];

const attrName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_ATTRS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z$][\w$-]{0,10}$/).filter((s) => !KEYWORDS.has(s.toLowerCase())) },
);
const subName = fc.oneof(fc.constantFrom(...KNOWN_SUBS), fc.stringMatching(/^[A-Za-z$][\w$-]{0,8}$/));
const uri = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...KNOWN_SCHEMA_URNS) });

/** Any attribute path, mostly ones Roster does not filter on. */
function anyPath(withSub: boolean): fc.Arbitrary<AttrPath> {
  return fc.record({ uri, attr: attrName, subAttr: withSub ? fc.option(subName, { nil: undefined }) : fc.constant(undefined) }).map(clean);
}

const CORE = KNOWN_SCHEMA_URNS[0];
const ENTERPRISE = KNOWN_SCHEMA_URNS[2];
/** Paths in Roster's allow-lists (filter/attribute-maps.ts), for Users or Groups. */
const REAL_PATHS: AttrPath[] = [
  { attr: 'userName' },
  { uri: CORE, attr: 'userName' },
  { attr: 'displayName' },
  { attr: 'name', subAttr: 'givenName' },
  { attr: 'name', subAttr: 'familyName' },
  { attr: 'title' },
  { attr: 'active' },
  { attr: 'id' },
  { attr: 'externalId' },
  { attr: 'emails' },
  { attr: 'emails', subAttr: 'value' },
  { attr: 'meta', subAttr: 'created' },
  { attr: 'meta', subAttr: 'lastModified' },
  { attr: 'members' },
  { attr: 'members', subAttr: 'value' },
  { uri: ENTERPRISE, attr: 'department' },
  { attr: 'employeeNumber' },
  { uri: ENTERPRISE, attr: 'manager', subAttr: 'value' },
  { attr: 'locale' },
];
const realPath = (withSub: boolean) => fc.constantFrom(...REAL_PATHS.filter((p) => withSub || !p.subAttr));
const innerPath = fc.constantFrom<AttrPath>({ attr: 'value' }, { attr: 'type' }, { attr: 'primary' }, { attr: 'display' });
const multiPath = fc.constantFrom<AttrPath>({ attr: 'emails' }, { attr: 'members' }, { uri: CORE, attr: 'emails' });

/** Drops undefined keys, as the parser never sets them. */
function clean({ uri, attr, subAttr }: { uri?: string | undefined; attr: string; subAttr?: string | undefined }): AttrPath {
  return { ...(uri !== undefined ? { uri } : {}), attr, ...(subAttr !== undefined ? { subAttr } : {}) };
}

const INJECTIONS = [
  "' or '1'='1",
  '"; drop table members; --',
  '%',
  '_',
  '\\',
  '%_\\',
  'a%b_c',
  ') or (1=1',
  '*/ select 1 /*',
  '$1',
  "E'\\x00'",
  '\u202e',
  '😀‍👩',
  'NULL',
  'true',
];

/** A comparison value and the source text the parser keeps as `raw`. */
export function valueArb(strings: fc.Arbitrary<string>): fc.Arbitrary<{ value: FilterValue; raw: string }> {
  return fc.oneof(
    { weight: 5, arbitrary: strings.map((s) => ({ value: s, raw: s })) },
    { weight: 1, arbitrary: fc.integer().map((n) => ({ value: n, raw: String(n) })) },
    {
      weight: 1,
      arbitrary: fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .filter((n) => !Object.is(n, -0))
        .map((n) => ({ value: n, raw: JSON.stringify(n) })),
    },
    { weight: 1, arbitrary: fc.boolean().map((b) => ({ value: b, raw: String(b) })) },
    { weight: 1, arbitrary: fc.constant({ value: null, raw: 'null' }) },
  );
}

// Values the database can compare: NUL and lone surrogates are refused by the lexer (400), which
// filter-fuzz.test.ts checks on its own.
export const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }).filter(isStorableText), fc.constantFrom(...INJECTIONS));
/** Values the typed attributes accept: dates, UUIDs, the fixed email type. */
export const typedString = fc.constantFrom('2020-01-01T00:00:00Z', '1999-12-31', '00000000-0000-4000-8000-000000000001', 'work', 'True', '');

/**
 * Well-formed filter ASTs (no value path inside a value path, as RFC 7644 §3.4.2.2 says).
 * `real` draws attribute paths from Roster's allow-lists, so most filters compile.
 */
export function filterAst(strings: fc.Arbitrary<string> = anyString, real = false): fc.Arbitrary<FilterNode> {
  const value = valueArb(strings);
  const pathOf = (withSub: boolean) =>
    real ? fc.oneof({ weight: 5, arbitrary: realPath(withSub) }, { weight: 1, arbitrary: anyPath(withSub) }) : anyPath(withSub);
  const compare = (path: fc.Arbitrary<AttrPath>) =>
    fc
      .record({ path, op: fc.constantFrom(...COMPARE_OPS), v: value })
      .map(({ path: p, op, v }): FilterNode => ({ kind: 'compare', path: p, op, value: v.value, raw: v.raw }));
  const leaf = (path: fc.Arbitrary<AttrPath>) =>
    fc.oneof({ weight: 4, arbitrary: compare(path) }, { weight: 1, arbitrary: path.map((p): FilterNode => ({ kind: 'present', path: p })) });
  const tree = (leaves: fc.Arbitrary<FilterNode>, extra: fc.Arbitrary<FilterNode>[]) =>
    fc.letrec<{ node: FilterNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', maxDepth: 4 },
        leaves,
        fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), left: tie('node'), right: tie('node') }),
        fc.record({ kind: fc.constant('not' as const), expr: tie('node') }),
        ...extra,
      ),
    })).node;
  const inner = tree(leaf(real ? fc.oneof(innerPath, anyPath(false)) : anyPath(true)), []);
  const base = real ? fc.oneof({ weight: 4, arbitrary: multiPath }, { weight: 1, arbitrary: anyPath(false) }) : anyPath(false);
  const valuePath = fc.oneof(
    fc.record({ path: base, filter: inner }).map(({ path, filter }): FilterNode => ({ kind: 'valuePath', path, filter })),
    // Entra's form: emails[type eq "work"].value eq "x"
    fc
      .record({ path: base, filter: inner, sub: real ? fc.constant('value') : subName, op: fc.constantFrom(...COMPARE_OPS), v: value })
      .map(({ path, filter, sub, op, v }): FilterNode => ({
        kind: 'compare',
        path: { ...path, valueFilter: filter, subAttr: sub },
        op,
        value: v.value,
        raw: v.raw,
      })),
  );
  return tree(leaf(pathOf(true)), [valuePath]);
}

/** Prints an AST as filter text; and/or children are parenthesised so the tree shape survives. */
export function printFilter(node: FilterNode): string {
  const group = (child: FilterNode) => (child.kind === 'and' || child.kind === 'or' ? `(${printFilter(child)})` : printFilter(child));
  switch (node.kind) {
    case 'and':
    case 'or':
      return `${group(node.left)} ${node.kind} ${group(node.right)}`;
    case 'not':
      return `not (${printFilter(node.expr)})`;
    case 'present':
      return `${printPath(node.path)} pr`;
    case 'valuePath':
      return `${printPath(node.path)}[${printFilter(node.filter)}]`;
    case 'compare':
      return `${printPath(node.path)} ${node.op} ${typeof node.value === 'string' ? JSON.stringify(node.value) : node.raw}`;
  }
}

function printPath(path: AttrPath): string {
  const base = path.uri ? `${path.uri}:${path.attr}` : path.attr;
  const filter = path.valueFilter ? `[${printFilter(path.valueFilter)}]` : '';
  return `${base}${filter}${path.subAttr ? `.${path.subAttr}` : ''}`;
}

/** Mostly-malformed input built from the filter language's own pieces. */
export const tokenSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom('(', ')', '[', ']', '"', '\\', ' ', '.', ':', 'eq', 'co', 'pr', 'gt', 'and', 'or', 'not', 'true', 'null', '1', '-0.5e9'),
      fc.constantFrom(
        'userName',
        'emails',
        'members',
        'value',
        'type',
        'meta.created',
        'urn:ietf:params:scim:schemas:core:2.0:User',
        '"work"',
        '"2020-01-01T00:00:00Z"',
      ),
      fc.constantFrom(...INJECTIONS, '\u0000', '\ud800', '\t', '\n', '\\u0000', '"\\"'),
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));
