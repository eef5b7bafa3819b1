import * as okta from '@/test/idp-behaviour/okta';
import type { ScimHttpClient } from '../../shared/http-client';
import { hexId, type Directory, type SimUser } from '../directory';
import { lookupThenCreate, promoted, settle } from './common';
import type { Dialect } from './types';

/** Okta user ids: "00u" + 17 characters. */
const oktaId = (runId: string, n: number) => `00u${hexId(runId, n, 17)}`;

/** Okta generates a password on every create; Roster must drop it, never store or log it. */
const userBody = (user: SimUser, dir: Directory) =>
  okta.userBody(user, { externalId: oktaId(dir.runId, user.index), password: `Sim-${hexId(dir.runId, user.index, 8)}` });

async function deactivate(client: ScimHttpClient, user: SimUser): Promise<void> {
  settle(user, await client.send('user.deactivate', 'PATCH', `/Users/${user.id}`, okta.setActive(false), [200, 204]), 'suspended');
}

/**
 * Okta, OIN catalog app (test/idp-behaviour/okta.ts): Test Connection reads the first page of
 * users; every create is preceded by a userName lookup with startIndex=1&count=100; profile
 * updates are a GET of the user then a PUT of the whole resource; deprovisioning is PATCH
 * active=false (Okta never DELETEs users). Push Groups creates the group, then PATCHes members in.
 */
export const dialect: Dialect = {
  facts: okta.facts,
  probe: async (client) => (await client.send('probe', 'GET', okta.importUsersPath, undefined, [200])).ok,
  provisionUser: async (client, user, dir) => {
    user.id = await lookupThenCreate(client, 'user', okta.lookupPath(user.userName), '/Users', userBody(user, dir));
  },
  provisionGroup: async (client, group) => {
    group.id = await lookupThenCreate(client, 'group', okta.groupLookupPath(group.displayName), '/Groups', okta.groupBody(group.displayName));
  },
  addMembers: async (client, group, batch) => (await client.send('group.members', 'PATCH', `/Groups/${group.id}`, okta.addMembers(...batch), [200, 204])).ok,
  update: async (client, user, dir) => {
    const current = await client.send('user.get', 'GET', `/Users/${user.id}`, undefined, [200]);
    if (!current.ok) return;
    await client.send('user.update', 'PUT', `/Users/${user.id}`, { ...userBody(promoted(user), dir), id: user.id }, [200]);
  },
  deactivate: (client, user) => deactivate(client, user),
  remove: (client, user) => deactivate(client, user),
};
