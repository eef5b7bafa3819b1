import { getKey, isJsonObject, type JsonObject } from '@/lib/json-object';

/**
 * Which identity provider is calling, for the sync log and the Directory Sync card. A hint,
 * never a security decision: any client can send any User-Agent.
 */
export type Idp = 'entra' | 'okta' | 'onelogin' | 'jumpcloud' | 'unknown';

export type IdpSignals = {
  userAgent: string | null | undefined;
  url: URL | string;
  /** The parsed JSON body, when the request has one. */
  body?: unknown;
};

/**
 * User-Agent substrings, case-insensitive. Sources:
 * - Entra: "Microsoft Azure AD SCIM provisioning" (the value GitHub Enterprise matches on);
 *   older and test clients say "Azure AD" or "Entra". Any "Microsoft" UA is taken as Entra,
 *   the only Microsoft product that provisions over SCIM.
 * - Okta: "Okta SCIM Client 1.0.0" (Okta's SCIM 2.0 guide shows it on every request).
 * - OneLogin: "OneLogin SCIM" (OneLogin's SCIM Provisioner setup guides set it as a header).
 * - JumpCloud: not documented; matched on the vendor name, which its clients carry.
 */
const USER_AGENTS: readonly [RegExp, Idp][] = [
  [/azure\s*ad|azure active directory|\bentra\b|microsoft|\baad\b/i, 'entra'],
  [/\bokta\b/i, 'okta'],
  [/onelogin/i, 'onelogin'],
  [/jumpcloud/i, 'jumpcloud'],
];

export function detectIdp({ userAgent, url, body }: IdpSignals): Idp {
  const ua = userAgent?.slice(0, 500) ?? '';
  for (const [pattern, idp] of USER_AGENTS) if (pattern.test(ua)) return idp;
  return fromShape(typeof url === 'string' ? safeUrl(url) : url, body);
}

/**
 * When the UA says nothing, quirks only one IdP has (checked in this order):
 * - Entra: the `aadOptscim062020` feature flag admins append to the Tenant URL; PATCH op
 *   names capitalised ("Replace", "Add"), which Entra sends and the RFC spells lower-case.
 * - Okta: a `password` in a User body (Okta generates one on every create); externalIds of
 *   Okta user ids ("00u…", 20 characters); `startIndex=1&count=100` with a userName filter,
 *   Okta's lookup before each create.
 * - JumpCloud: an externalId that is a JumpCloud object id (24 hex digits, MongoDB ObjectId).
 * - OneLogin: `active` as a string ("true"), which OneLogin's JSON templates render (Entra
 *   sends string booleans only inside PATCH, already matched above).
 */
function fromShape(url: URL | undefined, body: unknown): Idp {
  if (url && [...url.searchParams.keys()].some((k) => k.toLowerCase() === 'aadoptscim062020')) return 'entra';
  if (isJsonObject(body) && hasCapitalisedOp(body)) return 'entra';
  if (url && isOktaLookup(url)) return 'okta';
  if (!isJsonObject(body)) return 'unknown';
  const externalId = getKey(body, 'externalid');
  if (getKey(body, 'password') !== undefined) return 'okta';
  if (typeof externalId === 'string' && /^00u[0-9a-z]{17}$/i.test(externalId)) return 'okta';
  if (typeof externalId === 'string' && /^[0-9a-f]{24}$/i.test(externalId)) return 'jumpcloud';
  if (typeof getKey(body, 'active') === 'string') return 'onelogin';
  return 'unknown';
}

function hasCapitalisedOp(body: JsonObject): boolean {
  const operations = getKey(body, 'operations');
  if (!Array.isArray(operations)) return false;
  return operations.some((op) => isJsonObject(op) && typeof op.op === 'string' && /^(Add|Replace|Remove)$/.test(op.op));
}

function isOktaLookup(url: URL): boolean {
  const params = url.searchParams;
  const filter = params.get('filter') ?? '';
  return params.get('startIndex') === '1' && params.get('count') === '100' && /^\s*userName\s+eq\s+"/i.test(filter);
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url, 'http://localhost');
  } catch {
    return undefined;
  }
}
