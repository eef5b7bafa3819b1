import type { SimUser } from '../directory';
import type { Json, Reply, ScimHttpClient } from '../http-client';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** `?filter=<attr> eq "<value>"` plus any extra query, encoded as IdPs send it. */
export function filterQuery(attribute: string, value: string, extra = ''): string {
  return `?filter=${encodeURIComponent(`${attribute} eq "${value}"`)}${extra}`;
}

export function patch(...operations: Json[]): Json {
  return { schemas: [PATCH_SCHEMA], Operations: operations };
}

/** The id of a created resource, or of the first resource of a ListResponse. */
export function idFrom(reply: Reply): string | undefined {
  const json = reply.json;
  if (!reply.ok || !json) return undefined;
  if (typeof json.id === 'string') return json.id;
  const first = Array.isArray(json.Resources) ? (json.Resources[0] as Json | undefined) : undefined;
  return typeof first?.id === 'string' ? first.id : undefined;
}

/** GET the list, and POST only when nothing was found (what every IdP does before creating). */
export async function lookupThenCreate(
  client: ScimHttpClient,
  kind: 'user' | 'group',
  lookupPath: string,
  createPath: string,
  body: Json,
): Promise<string | undefined> {
  const found = await client.send(`${kind}.lookup`, 'GET', lookupPath, undefined, [200]);
  if (!found.ok) return undefined;
  const existing = idFrom(found);
  if (existing) return existing;
  return idFrom(await client.send(`${kind}.create`, 'POST', createPath, body, [201]));
}

/** The attributes every dialect maps, with the IdP's own spelling of booleans left to it. */
export function coreUser(user: SimUser, active: unknown = true): Json {
  return {
    userName: user.userName,
    name: { givenName: user.givenName, familyName: user.familyName, formatted: `${user.givenName} ${user.familyName}` },
    displayName: `${user.givenName} ${user.familyName}`,
    emails: [{ value: user.userName, type: 'work', primary: true }],
    title: user.title,
    active,
  };
}

/** A changed title and department, as an HR edit would send them. */
export function changedTitle(user: SimUser): string {
  return `Senior ${user.title}`;
}
