/**
 * The hostile-request corpus (issue 6): requests that a SCIM client, a broken IdP template or an
 * attacker could send. Every case must be answered with a 4xx SCIM error, change nothing in
 * the database, and (when the token is valid) leave exactly one row in the sync log.
 */

/** Every SCIM endpoint the corpus covers; the test asserts each one has cases. */
export const ENDPOINTS = [
  '/Users',
  '/Users/{id}',
  '/Users/.search',
  '/Groups',
  '/Groups/{id}',
  '/Groups/.search',
  '/.search',
  '/ServiceProviderConfig',
  '/ResourceTypes',
  '/ResourceTypes/{id}',
  '/Schemas',
  '/Schemas/{id}',
  'unknown',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/**
 * Server bugs the corpus found, all fixed. The cases tagged with one run as that bug's own
 * regression test (hostile-requests.test.ts), so a failure names the bug that came back.
 */
export const KNOWN_BUGS = {
  nulStored: 'NUL (U+0000) in a body reaches PostgreSQL (a column, or the sync-log summary in the same transaction): 500, not 400',
  nulFilter: 'NUL (U+0000) in a filter value reaches PostgreSQL: 500 instead of 400 invalidFilter',
  badPercent: 'A malformed %-escape in the path is a 500 (decodeURIComponent throws URIError)',
  loneSurrogate: 'A lone UTF-16 surrogate in a stored string is a 500 or is stored as U+FFFD',
  auditLost: 'The 4xx is answered but its sync-log row is lost (NUL in the logged filter or detail)',
  protoAttr: 'Filter attribute "constructor" resolves to Object.prototype.constructor: the clause is dropped (200, every row) or the SQL breaks (500)',
  groupPatchLimits: 'Group PATCH stores what POST/PUT refuse: displayName > 256, externalId > 1024 characters',
} as const;
export type BugId = keyof typeof KNOWN_BUGS;

/** Ids the fixture seeds before the corpus runs; `foreign*` belong to the other org. */
export type CorpusIds = {
  user: string;
  user2: string;
  group: string;
  group2: string;
  foreignUser: string;
  foreignGroup: string;
};

export type Body = string | Uint8Array | Record<string, unknown> | unknown[];

export type HostileCase = {
  name: string;
  endpoint: Endpoint;
  method: string;
  /** Path after the base URL; `{user}`, `{group}`, `{foreignUser}`… are replaced by seeded ids. */
  path: string | ((ids: CorpusIds) => string);
  /** A string or bytes are sent as they are; an object or array as JSON. */
  body?: Body | ((ids: CorpusIds) => Body);
  /** Instead of `body`: this many bytes of spaces as a chunked stream with no Content-Length. */
  streamBytes?: number;
  /**
   * Replace (or, with value null, drop) request headers; `authorization` overrides the token
   * (then no sync-log row is expected: an unknown token names no org). `{token}` is replaced.
   */
  headers?: Record<string, string | null>;
  /** Statuses that are right for this case (default [400]). */
  status?: readonly number[];
  /** The scimType the error must carry, when one is right (RFC 7644 §3.12). */
  scimType?: string;
  /** Set when a known server bug makes this case fail today. */
  bug?: BugId;
};

/** Shorthand for building case lists. */
export function c(endpoint: Endpoint, method: string, path: HostileCase['path'], name: string, extra: Partial<HostileCase> = {}): HostileCase {
  return { endpoint, method, path, name, ...extra };
}

/** Endpoints that take a JSON body, with a path and a body that would be fine there. */
export const BODY_TARGETS: readonly { endpoint: Endpoint; method: string; path: string }[] = [
  { endpoint: '/Users', method: 'POST', path: '/Users' },
  { endpoint: '/Users/{id}', method: 'PUT', path: '/Users/{user}' },
  { endpoint: '/Users/{id}', method: 'PATCH', path: '/Users/{user}' },
  { endpoint: '/Users/.search', method: 'POST', path: '/Users/.search' },
  { endpoint: '/Groups', method: 'POST', path: '/Groups' },
  { endpoint: '/Groups/{id}', method: 'PUT', path: '/Groups/{group}' },
  { endpoint: '/Groups/{id}', method: 'PATCH', path: '/Groups/{group}' },
  { endpoint: '/Groups/.search', method: 'POST', path: '/Groups/.search' },
  { endpoint: '/.search', method: 'POST', path: '/.search' },
];

export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** A valid user body to spoil one attribute at a time. */
export function user(extra: Record<string, unknown> = {}, userName = 'hostile@example.test'): Record<string, unknown> {
  return { schemas: [USER_URN], userName, emails: [{ value: userName.includes('@') ? userName : 'h@example.test', type: 'work', primary: true }], ...extra };
}

export function group(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: [GROUP_URN], displayName: 'Hostile group', ...extra };
}

export function patch(...operations: unknown[]): Record<string, unknown> {
  return { schemas: [PATCH_URN], Operations: operations };
}

/** `/Users?filter=…` with the filter URL-encoded. */
export function filterQuery(resource: 'Users' | 'Groups', filter: string): string {
  return `/${resource}?filter=${encodeURIComponent(filter)}`;
}
