import { hexId, type Directory, type SimUser } from '../directory';
import type { ScimHttpClient } from '../http-client';
import { changedTitle, coreUser, filterQuery, GROUP_SCHEMA, lookupThenCreate, patch, USER_SCHEMA } from './common';
import type { Dialect } from './types';

const PAGE = '&startIndex=1&count=100';
/** Okta user ids: "00u" + 17 characters. */
const oktaId = (runId: string, n: number) => `00u${hexId(runId, n, 17)}`;

function oktaUser(user: SimUser, dir: Directory, title = user.title) {
  return {
    schemas: [USER_SCHEMA],
    ...coreUser({ ...user, title }, true),
    locale: 'en-US',
    externalId: oktaId(dir.runId, user.index),
    groups: [],
    // Okta generates a password on every create; Roster must drop it, never store or log it.
    password: `Sim-${hexId(dir.runId, user.index, 8)}`,
  };
}

async function deactivate(client: ScimHttpClient, user: SimUser): Promise<void> {
  const reply = await client.send('user.deactivate', 'PATCH', `/Users/${user.id}`, patch({ op: 'replace', value: { active: false } }), [200, 204]);
  if (reply.ok) user.state = 'suspended';
}

/**
 * Okta's "SCIM 2.0 Test App" (developer.okta.com, SCIM 2.0 protocol reference): every create
 * is preceded by a userName lookup with startIndex=1&count=100; profile updates are a GET of
 * the user then a PUT of the whole resource; deprovisioning is PATCH active=false (Okta never
 * DELETEs users). Push Groups creates the group, then PATCHes members in with "add".
 */
export const okta: Dialect = {
  name: 'okta',
  label: 'Okta',
  userAgent: 'Okta SCIM Client 1.0.0',
  batchSize: 100,
  deletesUsers: false,
  probe: async (client) => (await client.send('probe', 'GET', '/Users?startIndex=1&count=2', undefined, [200])).ok,
  provisionUser: async (client, user, dir) => {
    user.id = await lookupThenCreate(client, 'user', `/Users${filterQuery('userName', user.userName, PAGE)}`, '/Users', oktaUser(user, dir));
  },
  provisionGroup: async (client, group) => {
    const body = { schemas: [GROUP_SCHEMA], displayName: group.displayName, members: [] };
    group.id = await lookupThenCreate(client, 'group', `/Groups${filterQuery('displayName', group.displayName, PAGE)}`, '/Groups', body);
  },
  addMembers: async (client, group, batch) => {
    return (
      await client.send(
        'group.members',
        'PATCH',
        `/Groups/${group.id}`,
        patch({ op: 'add', path: 'members', value: batch.map((value) => ({ value })) }),
        [200, 204],
      )
    ).ok;
  },
  update: async (client, user, dir) => {
    const current = await client.send('user.get', 'GET', `/Users/${user.id}`, undefined, [200]);
    if (!current.ok) return;
    await client.send('user.update', 'PUT', `/Users/${user.id}`, { ...oktaUser(user, dir, changedTitle(user)), id: user.id }, [200]);
  },
  deactivate: (client, user) => deactivate(client, user),
  remove: (client, user) => deactivate(client, user),
};
