import { filterQuery, type BugId, type HostileCase } from './corpus-types';

type Filter = { filter: string; bug?: BugId; scimType?: string };

const f = (filter: string, bug?: BugId): Filter => (bug ? { filter, bug } : { filter });

/**
 * Filters that are wrong for Users and Groups alike (only attributes both have): 400
 * invalidFilter (RFC 7644 §3.4.2.2), never a dropped clause, never a 500.
 */
const BROKEN_FILTERS: Filter[] = [
  f('displayName'),
  f('displayName eq'),
  f('displayName eq "unterminated'),
  f('displayName eq "a" and'),
  f('displayName eq "a" or'),
  f('and displayName eq "a"'),
  f('displayName eq "a" displayName eq "b"'),
  f('(displayName eq "a"'),
  f('displayName eq "a")'),
  f('()'),
  f(`${'('.repeat(25)}displayName eq "a"${')'.repeat(25)}`),
  f(`${'not ('.repeat(30)}displayName pr${')'.repeat(30)}`),
  f('('.repeat(1_999)),
  f(`${'displayName eq "a" and '.repeat(150)}displayName pr`),
  f(`displayName eq "${'a'.repeat(5_000)}"`),
  f('displayName eq "a\\q"'),
  f('displayName eq "\\u12"'),
  f('displayName eq "a"b"'),
  f('displayName xx "a"'),
  f('displayName EQUALS "a"'),
  f('displayName == "a"'),
  f('displayName = "a"'),
  f('displayName eq "a" || 1=1'),
  f('displayName eq "a" or 1=1'),
  f('displayName eq "a"; drop table members; --'),
  f("' or 1=1 --"),
  f('1=1'),
  f('displayName eq "x" union select * from accounts'),
  f('displayName[value eq "a"]'),
  f('emails[type eq "work"][value eq "x"]'),
  f('displayName.sub.sub eq "a"'),
  f('displayName pr pr'),
  f('not displayName'),
  f('[displayName eq "a"]'),
  f('displayName eq "a" ]'),
  f('displayName eq ('),
  f('displayName eq ("a")'),
  f('displayName eq "a" and (displayName eq "b" or )'),
  f('password eq "secret"'),
  f('$ref eq "x"'),
  f('id gt "a"'),
  f('id co "a"'),
  f('displayName eq true'),
  f('displayName gt null'),
  f('meta.created gt "yesterday"'),
  f('meta.lastModified co "2020"'),
  f(`${'a'.repeat(1_500)} eq "x"`),
  f('\u202edisplayName eq "x"'),
  f('😀 eq "x"'),
  f('dīsplayName eq "x"'),
  f('displayName eq "a" \u0000', 'auditLost'),
  f('constructor eq "x"', 'protoAttr'),
  f('displayName eq "a" and constructor eq "x"', 'protoAttr'),
  f('not (constructor pr)', 'protoAttr'),
  f('displayName eq "\\u0000"', 'nulFilter'),
  f('displayName co "x\\u0000y"', 'nulFilter'),
  f('displayName eq nul\u0000word', 'nulFilter'),
];

/** Attribute rules specific to Users (the allow-list in filter/attribute-maps.ts). */
const USER_FILTERS: Filter[] = [
  f('active eq "maybe"'),
  f('active gt true'),
  // emails[type eq "home"] and emails[primary eq false] are answered now (any value matches,
  // RFC 7644 §3.4.2.2); these still cannot be:
  f('emails[shoeSize eq "x"]'),
  f('phoneNumbers[value gt 5]'),
  // A string ordered against a number literal (issue 14): 200 with users in it before.
  { filter: 'userName gt 5', scimType: 'invalidFilter' },
  { filter: 'name.familyName le 0', scimType: 'invalidFilter' },
  f('members[value eq "x"]'),
  f('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:salary gt 1'),
  f('urn:evil:schema:2.0:User:userName eq "x"'),
  f('name.givenName.x eq "a"'),
  f('emails[constructor eq "x"]', 'protoAttr'),
  f('userName eq "\\u0000"', 'nulFilter'),
  f('emails[value sw "\\u0000"]', 'nulFilter'),
];

const GROUP_FILTERS: Filter[] = [
  f('userName eq "x"'),
  f('members[display eq "x"]'),
  f('members.value gt "x"'),
  f('active eq true'),
  f('members[constructor eq "x"]', 'protoAttr'),
];

/** List parameters out of their domain: 400 invalidValue / invalidSyntax, never clamped silently. */
const BAD_PARAMS: string[] = [
  'startIndex=abc',
  'startIndex=1.5',
  'startIndex=1e309',
  'startIndex=0x10',
  'startIndex=Infinity',
  'count=NaN',
  'count=-1.5',
  'count=%00',
  'count=1&count=2',
  'filter=displayName%20pr&FILTER=id%20pr',
  'sortOrder=sideways',
  'sortBy=password',
  `sortBy=${encodeURIComponent('displayName; drop table members')}`,
  `sortBy=${'s'.repeat(301)}`,
  `attributes=${encodeURIComponent('displayName id')}`,
  `attributes=${encodeURIComponent("'; drop table members --")}`,
  `attributes=${Array.from({ length: 101 }, (_, i) => `a${i}`).join(',')}`,
  `excludedAttributes=${encodeURIComponent('../../etc/passwd')}`,
  `excludedAttributes=${'x'.repeat(301)}`,
  `filter=${'x'.repeat(4_097)}`,
];

/** The same problems in a SearchRequest body (RFC 7644 §3.4.3). */
const BAD_SEARCH_BODIES: [string, Record<string, unknown> | string][] = [
  ['count is a string of letters', { count: 'abc' }],
  ['count is true', { count: true }],
  ['count is 1.5', { count: 1.5 }],
  ['startIndex is an object', { startIndex: {} }],
  ['startIndex is an array', { startIndex: [1] }],
  ['filter is a number', { filter: 123 }],
  ['filter is an array', { filter: ['displayName pr'] }],
  ['filter is an object', { filter: { op: 'eq' } }],
  ['attributes is a number', { attributes: 5 }],
  ['attributes holds an object', { attributes: [{}] }],
  ['sortOrder is upward', { sortOrder: 'upward' }],
  ['sortBy is an array', { sortBy: ['displayName'] }],
  ['count given twice in different case', { count: 1, COUNT: 2 }],
  ['__proto__ in the SearchRequest', '{"filter":"displayName pr","__proto__":{"count":1}}'],
];

function resourceCases(resource: 'Users' | 'Groups', extra: Filter[]): HostileCase[] {
  const list = `/${resource}` as const;
  const search = `/${resource}/.search` as const;
  const filters = [...BROKEN_FILTERS, ...extra];
  return [
    ...filters.map(({ filter, bug, scimType }): HostileCase => ({
      endpoint: list,
      method: 'GET',
      path: filterQuery(resource, filter),
      name: `filter ${filter.slice(0, 60)}`,
      ...(bug ? { bug } : {}),
      ...(scimType ? { scimType } : {}),
    })),
    ...filters.map(({ filter, bug, scimType }): HostileCase => ({
      endpoint: search,
      method: 'POST',
      path: search,
      body: { filter },
      name: `search filter ${filter.slice(0, 60)}`,
      ...(bug ? { bug } : {}),
      ...(scimType ? { scimType } : {}),
    })),
    ...BAD_PARAMS.map((query): HostileCase => ({ endpoint: list, method: 'GET', path: `${list}?${query}`, name: `list ${query.slice(0, 60)}` })),
    ...BAD_SEARCH_BODIES.map(([name, body]): HostileCase => ({ endpoint: search, method: 'POST', path: search, body, name: `search body: ${name}` })),
  ];
}

/** GET by id takes attributes / excludedAttributes too (RFC 7644 §3.4.2.5). */
const BY_ID_PARAMS = [
  `attributes=${encodeURIComponent('name givenName')}`,
  `excludedAttributes=${encodeURIComponent('<script>')}`,
  'attributes=a&attributes=b',
  `attributes=${Array.from({ length: 101 }, (_, i) => `a${i}`).join(',')}`,
];

/** POST /.search at the root (RFC 7644 §3.4.3): the same refusals, and sortBy (issue 14). */
const rootCases: HostileCase[] = [
  ...BROKEN_FILTERS.map(({ filter, bug }): HostileCase => ({
    endpoint: '/.search',
    method: 'POST',
    path: '/.search',
    body: { filter },
    name: `root search filter ${filter.slice(0, 60)}`,
    ...(bug ? { bug } : {}),
  })),
  ...BAD_SEARCH_BODIES.map(([name, body]): HostileCase => ({
    endpoint: '/.search',
    method: 'POST',
    path: '/.search',
    body,
    name: `root search body: ${name}`,
  })),
  {
    endpoint: '/.search',
    method: 'POST',
    path: '/.search',
    body: { filter: 'shoeSize eq "9"' },
    name: 'root search filter naming neither type',
    scimType: 'invalidFilter',
  },
  { endpoint: '/.search', method: 'POST', path: '/.search', body: { sortBy: 'displayName' }, name: 'root search sortBy', scimType: 'invalidValue' },
];

export const queryCases: HostileCase[] = [
  ...rootCases,
  ...resourceCases('Users', USER_FILTERS),
  ...resourceCases('Groups', GROUP_FILTERS),
  ...BY_ID_PARAMS.map((q): HostileCase => ({ endpoint: '/Users/{id}', method: 'GET', path: `/Users/{user}?${q}`, name: `get user ${q.slice(0, 50)}` })),
  ...BY_ID_PARAMS.map((q): HostileCase => ({ endpoint: '/Groups/{id}', method: 'GET', path: `/Groups/{group}?${q}`, name: `get group ${q.slice(0, 50)}` })),
];
