import type { Json, Reply, ScimHttpClient } from '../../shared/http-client';
import type { SimUser } from '../directory';

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
  body: unknown,
): Promise<string | undefined> {
  const found = await client.send(`${kind}.lookup`, 'GET', lookupPath, undefined, [200]);
  if (!found.ok) return undefined;
  const existing = idFrom(found);
  if (existing) return existing;
  return idFrom(await client.send(`${kind}.create`, 'POST', createPath, body, [201]));
}

/** The person with a changed title, as an HR edit would send them. */
export function promoted(user: SimUser): SimUser {
  return { ...user, title: `Senior ${user.title}` };
}

/** Marks the person as the IdP now believes Roster holds them, once the request succeeded. */
export function settle(user: SimUser, reply: Reply, state: SimUser['state']): void {
  if (reply.ok) user.state = state;
}

/** DELETE /Users/{id}: the deprovisioning of IdPs that delete. */
export async function deleteUser(client: ScimHttpClient, user: SimUser): Promise<void> {
  settle(user, await client.send('user.delete', 'DELETE', `/Users/${user.id}`, undefined, [204]), 'deleted');
}
