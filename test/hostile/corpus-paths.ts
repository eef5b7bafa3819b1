import { c, group, patch, user, type BugId, type CorpusIds, type HostileCase } from './corpus-types';

/** Names the fixture seeds (hostile-fixture.ts), for the 409 cases. */
export const SEEDED = { user: 'alice@hostile.test', user2: 'bob@hostile.test', group: 'Team', group2: 'Other' } as const;

/** Ids that cannot name a resource of this org: 404, nothing read, nothing changed. */
const ID_TRICKS: [string, string | ((ids: CorpusIds) => string), BugId?][] = [
  ['dot-dot-slash encoded', '..%2F..%2Fetc%2Fpasswd'],
  ['encoded dots', '%2e%2e%2f%2e%2e'],
  ['SQL in the id', encodeURIComponent("' or '1'='1")],
  ['boolean SQL in the id', '1%20or%201%3D1'],
  ['nil UUID', '00000000-0000-0000-0000-000000000000'],
  ['own id with a trailing space', (ids) => `${ids.user}%20`],
  ['own id with a leading space', (ids) => `%20${ids.user}`],
  ['own id with .json', (ids) => `${ids.user}.json`],
  ['own id with ;drop', (ids) => `${ids.user};drop`],
  ['own id with a query in the path', (ids) => `${ids.user}%3Fattributes%3Did`],
  ['10,000 characters', 'i'.repeat(10_000)],
  ['RTL override', '%E2%80%AE'],
  ['emoji', encodeURIComponent('😀')],
  ['fullwidth digits', encodeURIComponent('０００００')],
  ['an id with a second segment', (ids) => `${ids.user}/extra`],
  ['an id then an encoded traversal', (ids) => `${ids.user}/..%2F${ids.foreignUser}`],
  ['.search then more', '.search/x'],
  ['NUL', '%00', 'auditLost'],
  ['own id with a trailing NUL', (ids) => `${ids.user}%00`, 'auditLost'],
  ['a lone %', '%', 'badPercent'],
  ['a truncated %-escape', '%E0%A4%A', 'badPercent'],
  ['an overlong UTF-8 slash', '%C0%AF', 'badPercent'],
  ['a %FF byte', '%FF', 'badPercent'],
];

function idCases(resource: 'Users' | 'Groups'): HostileCase[] {
  const endpoint = `/${resource}/{id}` as const;
  return ID_TRICKS.flatMap(([name, id, bug]) =>
    ['GET', 'DELETE'].map((method): HostileCase => ({
      endpoint,
      method,
      path: (ids) => `/${resource}/${typeof id === 'string' ? id : id(ids)}`,
      name: `id trick: ${name}`,
      status: [404],
      ...(bug ? { bug } : {}),
    })),
  );
}

/** Org A's token against org B's ids, in every case and shape: 404 (STYLE pattern 2). */
function crossTenantCases(): HostileCase[] {
  const targets: [HostileCase['endpoint'], (ids: CorpusIds) => string, string][] = [
    ['/Users/{id}', (ids) => `/Users/${ids.foreignUser}`, "other org's user"],
    ['/Users/{id}', (ids) => `/Users/${ids.foreignUser.toUpperCase()}`, "other org's user, upper case"],
    ['/Users/{id}', (ids) => `/Users/${ids.group}`, 'own group id as a user'],
    ['/Groups/{id}', (ids) => `/Groups/${ids.foreignGroup}`, "other org's group"],
    ['/Groups/{id}', (ids) => `/Groups/${ids.foreignGroup.toUpperCase()}`, "other org's group, upper case"],
    ['/Groups/{id}', (ids) => `/Groups/${ids.user}`, 'own user id as a group'],
  ];
  return targets.flatMap(([endpoint, path, name]) => {
    const isUser = endpoint === '/Users/{id}';
    return [
      c(endpoint, 'GET', path, `cross-tenant GET ${name}`, { status: [404] }),
      c(endpoint, 'DELETE', path, `cross-tenant DELETE ${name}`, { status: [404] }),
      c(endpoint, 'PUT', path, `cross-tenant PUT ${name}`, {
        status: [404],
        body: isUser ? user({}, 'stolen@example.test') : group({ displayName: 'Stolen' }),
      }),
      c(endpoint, 'PATCH', path, `cross-tenant PATCH ${name}`, {
        status: [404],
        body: isUser ? patch({ op: 'replace', path: 'active', value: false }) : patch({ op: 'add', path: 'members', value: [{ value: 'x' }] }),
      }),
    ];
  });
}

/** Verbs a route does not take: 405 with an Allow header. */
const WRONG_METHODS: [HostileCase['endpoint'], string, string[]][] = [
  ['/Users', '/Users', ['PUT', 'PATCH', 'DELETE', 'PROPFIND', 'OPTIONS', 'HEAD']],
  ['/Users/{id}', '/Users/{user}', ['POST', 'FOO']],
  ['/Users/.search', '/Users/.search', ['GET', 'PUT', 'DELETE']],
  ['/Groups', '/Groups', ['PUT', 'PATCH', 'DELETE', 'OPTIONS']],
  ['/Groups/{id}', '/Groups/{group}', ['POST', 'MOVE']],
  ['/Groups/.search', '/Groups/.search', ['GET', 'PATCH']],
  ['/.search', '/.search', ['PUT', 'DELETE']],
  ['/ServiceProviderConfig', '/ServiceProviderConfig', ['POST', 'PUT', 'PATCH', 'DELETE']],
  ['/ResourceTypes', '/ResourceTypes', ['POST', 'DELETE']],
  ['/ResourceTypes/{id}', '/ResourceTypes/User', ['PUT', 'DELETE']],
  ['/Schemas', '/Schemas', ['POST', 'PATCH']],
  ['/Schemas/{id}', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User', ['PUT', 'DELETE']],
];

const withBody = (method: string) => ['POST', 'PUT', 'PATCH'].includes(method);

const methodCases: HostileCase[] = WRONG_METHODS.flatMap(([endpoint, path, methods]) =>
  methods.map((method) => c(endpoint, method, path, `method ${method}`, { status: [405], ...(withBody(method) ? { body: { a: 1 } } : {}) })),
);

const discoveryCases: HostileCase[] = [
  c('/Schemas/{id}', 'GET', '/Schemas/urn:bogus', 'unknown schema', { status: [404] }),
  c('/Schemas/{id}', 'GET', `/Schemas/urn:${'x'.repeat(2_000)}`, 'schema id of 2,000 characters', { status: [404] }),
  c('/Schemas/{id}', 'GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User/extra', 'schema id then a segment', { status: [404] }),
  c('/Schemas/{id}', 'GET', `/Schemas/${encodeURIComponent("' or 1=1 --")}`, 'SQL as a schema id', { status: [404] }),
  c('/Schemas/{id}', 'GET', '/Schemas/..%2F..%2Fpackage.json', 'traversal as a schema id', { status: [404] }),
  c('/Schemas/{id}', 'GET', '/Schemas/%00', 'NUL as a schema id', { status: [404], bug: 'auditLost' }),
  c('/ResourceTypes/{id}', 'GET', '/ResourceTypes/Nope', 'unknown resource type', { status: [404] }),
  c('/ResourceTypes/{id}', 'GET', '/ResourceTypes/User/extra', 'resource type then a segment', { status: [404] }),
  c('/ResourceTypes/{id}', 'GET', '/ResourceTypes/__proto__', '__proto__ as a resource type', { status: [404] }),
  c('/ResourceTypes/{id}', 'GET', '/ResourceTypes/constructor', 'constructor as a resource type', { status: [404] }),
  c('/Schemas/{id}', 'GET', '/Schemas/__proto__', '__proto__ as a schema id', { status: [404] }),
  c('/Schemas/{id}', 'GET', '/Schemas/toString', 'toString as a schema id', { status: [404] }),
  c('/ServiceProviderConfig', 'GET', '/ServiceProviderConfig/x', 'ServiceProviderConfig with an id', { status: [404] }),
];

const unknownCases: HostileCase[] = [
  '',
  '/',
  '/Foo',
  '/Userz',
  '/users/x/y/z',
  '/Users%2F..%2FGroups',
  '/ServiceProviderConfigs',
  '/v1/Users',
  '/.search',
  '/Groups/.search/.search',
  '/__proto__',
  '/constructor',
  `/${'z'.repeat(5_000)}`,
].map((path) => c('unknown', 'GET', path, `unknown path ${path.slice(0, 40) || '(base)'}`, { status: path === '/.search' ? [404, 405] : [404] }));
unknownCases.push(c('unknown', 'GET', '/Users%00', 'unknown path /Users%00', { status: [404], bug: 'auditLost' }));

/** Without a usable token: 401 and a challenge, and nothing logged in any org. */
const authCases: HostileCase[] = [
  ...(
    [
      ['/Users', '/Users'],
      ['/Groups/{id}', '/Groups/{group}'],
      ['/ServiceProviderConfig', '/ServiceProviderConfig'],
      ['/Schemas', '/Schemas'],
      ['/ResourceTypes/{id}', '/ResourceTypes/User'],
    ] as const
  ).map(([endpoint, path]) => c(endpoint, 'GET', path, 'no Authorization header', { status: [401], headers: { authorization: null } })),
  c('/Users', 'POST', '/Users', 'Basic credentials', { status: [401], body: user(), headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
  c('/Users/{id}', 'DELETE', '/Users/{user}', 'Bearer without a token', { status: [401], headers: { authorization: 'Bearer' } }),
  c('/Users/{id}', 'PATCH', '/Users/{user}', '10,000-character token', {
    status: [401],
    body: patch({ op: 'replace', path: 'active', value: false }),
    headers: { authorization: `Bearer rst_${'A'.repeat(10_000)}` },
  }),
  c('/Groups', 'POST', '/Groups', 'real token plus one character', { status: [401], body: group(), headers: { authorization: 'Bearer {token}x' } }),
  c('/Groups/{id}', 'DELETE', '/Groups/{group}', 'real token then junk', { status: [401], headers: { authorization: 'Bearer {token} junk' } }),
  c('/Users/.search', 'POST', '/Users/.search', 'token of the right shape, unknown', {
    status: [401],
    body: {},
    headers: { authorization: `Bearer rst_${'b'.repeat(43)}` },
  }),
  c('/Users', 'GET', '/Users?access_token={token}', 'token in the query string', { status: [401], headers: { authorization: null } }),
  c('/Groups/.search', 'POST', '/Groups/.search', 'token in the body', { status: [401], body: { access_token: 'x' }, headers: { authorization: null } }),
  c('/Users', 'GET', '/Users', 'SQL as the token', { status: [401], headers: { authorization: "Bearer rst_' or '1'='1" } }),
];

/** A stale or unreadable If-Match: 412, and the change is not made (RFC 7644 §3.14). */
const ifMatchCases: HostileCase[] = [
  c('/Users/{id}', 'PUT', '/Users/{user}', 'stale If-Match', { status: [412], body: user(), headers: { 'if-match': 'W/"999"' } }),
  c('/Users/{id}', 'PATCH', '/Users/{user}', 'stale If-Match', {
    status: [412],
    body: patch({ op: 'replace', path: 'active', value: false }),
    headers: { 'if-match': '"999"' },
  }),
  c('/Users/{id}', 'DELETE', '/Users/{user}', 'stale If-Match', { status: [412], headers: { 'if-match': 'W/"999"' } }),
  c('/Users/{id}', 'DELETE', '/Users/{user}', 'unreadable If-Match', { status: [412], headers: { 'if-match': 'W/"' } }),
  c('/Groups/{id}', 'PUT', '/Groups/{group}', 'stale If-Match', { status: [412], body: group(), headers: { 'if-match': 'W/"999"' } }),
  c('/Groups/{id}', 'PATCH', '/Groups/{group}', 'stale If-Match', {
    status: [412],
    body: patch({ op: 'remove', path: 'members' }),
    headers: { 'if-match': 'W/"999"' },
  }),
  c('/Groups/{id}', 'DELETE', '/Groups/{group}', 'stale If-Match', { status: [412], headers: { 'if-match': '"999", W/"998"' } }),
  c('/Groups/{id}', 'DELETE', '/Groups/{group}', 'If-Match of junk', { status: [412], headers: { 'if-match': `${'x'.repeat(5_000)}"` } }),
];

/** Names already taken, in another case: 409 uniqueness. */
const conflictCases: HostileCase[] = [
  c('/Users', 'POST', '/Users', 'userName taken (other case)', { status: [409], body: user({}, SEEDED.user.toUpperCase()) }),
  c('/Users/{id}', 'PUT', '/Users/{user2}', "PUT to another user's userName", { status: [409], body: user({}, SEEDED.user) }),
  c('/Users/{id}', 'PATCH', '/Users/{user2}', "PATCH to another user's userName", {
    status: [409],
    body: patch({ op: 'replace', path: 'userName', value: SEEDED.user.toUpperCase() }),
  }),
  c('/Groups', 'POST', '/Groups', 'displayName taken (other case)', { status: [409], body: group({ displayName: SEEDED.group.toUpperCase() }) }),
  c('/Groups/{id}', 'PUT', '/Groups/{group2}', "PUT to another group's name", { status: [409], body: group({ displayName: SEEDED.group.toLowerCase() }) }),
  c('/Groups/{id}', 'PATCH', '/Groups/{group2}', "PATCH to another group's name", {
    status: [409],
    body: patch({ op: 'replace', path: 'displayName', value: SEEDED.group }),
  }),
];

export const pathCases: HostileCase[] = [
  ...idCases('Users'),
  ...idCases('Groups'),
  ...crossTenantCases(),
  ...methodCases,
  ...discoveryCases,
  ...unknownCases,
  ...authCases,
  ...ifMatchCases,
  ...conflictCases,
];
