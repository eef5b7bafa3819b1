import { describe, expect, it } from 'vitest';
import type { AttrPath, FilterNode } from './ast';
import { MAX_FILTER_DEPTH, parseFilter, parsePath } from './parser';
import { errorOf } from '@/test/scim-error-of';

/** A compact rendering of the AST so table rows stay readable. */
function show(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.kind} ${show(node.left)} ${show(node.right)})`;
    case 'not':
      return `(not ${show(node.expr)})`;
    case 'valuePath':
      return `${showPath(node.path)}[${show(node.filter)}]`;
    case 'present':
      return `(pr ${showPath(node.path)})`;
    case 'compare':
      return `(${node.op} ${showPath(node.path)} ${JSON.stringify(node.value)})`;
  }
}

function showPath(path: AttrPath): string {
  const uri = path.uri ? `<${path.uri}>` : '';
  const filter = path.valueFilter ? `[${show(path.valueFilter)}]` : '';
  return `${uri}${path.attr}${filter}${path.subAttr ? `.${path.subAttr}` : ''}`;
}

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('parseFilter', () => {
  it.each([
    // comparisons, values and case-insensitive operators
    ['userName eq "bjensen"', '(eq userName "bjensen")'],
    ['userName EQ "bjensen"', '(eq userName "bjensen")'],
    ['UserName Eq "bjensen"', '(eq UserName "bjensen")'],
    ['title pr', '(pr title)'],
    ['title PR', '(pr title)'],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', '(gt meta.lastModified "2011-05-13T04:42:34Z")'],
    ['name.familyName co "O\'Malley"', '(co name.familyName "O\'Malley")'],
    ['active eq true', '(eq active true)'],
    ['active eq False', '(eq active false)'],
    ['manager eq null', '(eq manager null)'],
    ['x ge -1.5e3', '(ge x -1500)'],
    // unquoted bare values (Microsoft's docs: externalId eq jyoung)
    ['externalId eq jyoung', '(eq externalId "jyoung")'],
    ['userName eq jyoung@contoso.com', '(eq userName "jyoung@contoso.com")'],
    ['employeeNumber eq 00123', '(eq employeeNumber "00123")'],
    // precedence: not > and > or
    ['a eq 1 or b eq 2 and c eq 3', '(or (eq a 1) (and (eq b 2) (eq c 3)))'],
    ['a eq 1 and b eq 2 or c eq 3', '(or (and (eq a 1) (eq b 2)) (eq c 3))'],
    ['(a eq 1 or b eq 2) and c eq 3', '(and (or (eq a 1) (eq b 2)) (eq c 3))'],
    ['a eq 1 AND b eq 2 Or c eq 3', '(or (and (eq a 1) (eq b 2)) (eq c 3))'],
    ['a eq 1 and b eq 2 and c eq 3', '(and (and (eq a 1) (eq b 2)) (eq c 3))'],
    ['not (a eq 1) and b eq 2', '(and (not (eq a 1)) (eq b 2))'],
    ['NOT (a eq 1 or b eq 2)', '(not (or (eq a 1) (eq b 2)))'],
    ['not a pr', '(not (pr a))'],
    ['((a pr))', '(pr a)'],
    // value paths
    ['emails[type eq "work"]', 'emails[(eq type "work")]'],
    ['emails[type eq "work" and value co "@example.com"]', 'emails[(and (eq type "work") (co value "@example.com"))]'],
    ['emails[type eq "work"].value eq "a@b.c"', '(eq emails[(eq type "work")].value "a@b.c")'],
    ['emails[not (type eq "home")]', 'emails[(not (eq type "home"))]'],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      '(and (eq userType "Employee") emails[(and (eq type "work") (co value "@example.com"))])',
    ],
    ['members[value eq "2819c223-7f76-453a-919d-413861904646"]', 'members[(eq value "2819c223-7f76-453a-919d-413861904646")]'],
    // URN-prefixed names
    [`${ENT}:employeeNumber eq "701984"`, `(eq <${ENT}>employeeNumber "701984")`],
    [`${ENT}:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"`, `(eq <${ENT}>manager.value "26118915-6090-4610-87e4-49d8ca9f808d")`],
    [`${CORE}:userName sw "J"`, `(sw <${CORE}>userName "J")`],
    [`${CORE.toLowerCase()}:name.givenName pr`, `(pr <${CORE.toLowerCase()}>name.givenName)`],
    ['urn:example:custom:1.0:User:badge eq "x"', '(eq <urn:example:custom:1.0:User>badge "x")'],
    // escapes and spacing
    ['displayName eq "Quote \\" and \\\\ backslash"', '(eq displayName "Quote \\" and \\\\ backslash")'],
    ['  displayName   eq   "x"  ', '(eq displayName "x")'],
    ['displayName eq "a)b"', '(eq displayName "a)b")'],
  ])('%s', (input, expected) => {
    expect(show(parseFilter(input))).toBe(expected);
  });

  it.each([
    ['', 'Empty expression'],
    ['userName', 'Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr), found end of input'],
    ['userName xx "a"', 'Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr), found "xx" at position 9'],
    ['userName eq', 'Expected a value, found end of input'],
    ['userName eq (', 'Expected a value, found "(" at position 12'],
    ['userName eq "a" and', 'Expected an attribute name, found end of input'],
    ['userName eq "a" "b"', 'Unexpected a string at position 16'],
    ['(userName eq "a"', 'Expected ")", found end of input'],
    ['userName eq "a")', 'Unexpected ")" at position 15'],
    ['emails[type eq "work"', 'Expected "]", found end of input'],
    ['emails[type eq "work"] .value eq "x"', 'Unexpected ".value" at position 23'],
    ['emails[value[type eq "x"] pr]', 'Nested value filter at position 12'],
    ['name.givenName[x pr]', 'A value filter cannot follow a sub-attribute (position 14)'],
    ['a.b.c eq "x"', 'Invalid attribute name "a.b.c" at position 0'],
    ['1abc eq "x"', 'Invalid attribute name "1abc" at position 0'],
    ['userName eq "a" or 3 eq "x"', 'Invalid attribute name "3" at position 19'],
  ])('rejects %j: %s', (input, detail) => {
    expect(errorOf(() => parseFilter(input))).toMatchObject({ status: 400, scimType: 'invalidFilter', detail });
  });

  it('limits length and nesting', () => {
    expect(errorOf(() => parseFilter(`userName eq "${'a'.repeat(2_000)}"`)).detail).toBe('Longer than 2000 characters');
    const deep = `${'('.repeat(MAX_FILTER_DEPTH + 1)}a pr${')'.repeat(MAX_FILTER_DEPTH + 1)}`;
    expect(errorOf(() => parseFilter(deep)).detail).toBe('Nested deeper than 20 levels');
    const ok = `${'('.repeat(MAX_FILTER_DEPTH)}a pr${')'.repeat(MAX_FILTER_DEPTH)}`;
    expect(show(parseFilter(ok))).toBe('(pr a)');
    expect(errorOf(() => parseFilter(`${'not '.repeat(21)}a pr`)).scimType).toBe('invalidFilter');
  });
});

describe('parsePath', () => {
  it.each([
    ['members', 'members'],
    ['members[value eq "2819c223"]', 'members[(eq value "2819c223")]'],
    ['emails[type eq "work"].value', 'emails[(eq type "work")].value'],
    ['phoneNumbers[type eq "mobile"].value', 'phoneNumbers[(eq type "mobile")].value'],
    ['name.givenName', 'name.givenName'],
    [`${ENT}:manager`, `<${ENT}>manager`],
    [`${ENT}:manager.value`, `<${ENT}>manager.value`],
    [`${CORE}:emails[type eq "work"].value`, `<${CORE}>emails[(eq type "work")].value`],
    ['addresses[type eq "work"].streetAddress', 'addresses[(eq type "work")].streetAddress'],
  ])('%s', (input, expected) => {
    expect(showPath(parsePath(input))).toBe(expected);
  });

  it.each([
    ['', 'Empty expression'],
    ['members[value eq "x"', 'Expected "]", found end of input'],
    ['members value', 'Unexpected "value" at position 8'],
    ['emails[type eq "work"].value.x', 'Invalid sub-attribute "value.x" at position 22'],
    ['name..x', 'Invalid attribute name "name..x" at position 0'],
    ['(members)', 'Expected an attribute name, found "(" at position 0'],
  ])('rejects %j with invalidPath: %s', (input, detail) => {
    expect(errorOf(() => parsePath(input))).toMatchObject({ status: 400, scimType: 'invalidPath', detail });
  });
});
