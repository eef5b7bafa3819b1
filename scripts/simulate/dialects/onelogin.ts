import * as onelogin from '@/test/idp-behaviour/onelogin';
import { deleteUser, lookupThenCreate, promoted, settle } from './common';
import type { Dialect } from './types';

/**
 * OneLogin, SCIM Provisioner with SAML (SCIM v2 Enterprise) (test/idp-behaviour/onelogin.ts):
 * Enable reads a page of users; a userName lookup before each create; the JSON template
 * rendered with string booleans; updates and suspensions as a PUT of the re-rendered template;
 * membership from roles as PATCH add with value lists.
 */
export const dialect: Dialect = {
  facts: onelogin.facts,
  probe: async (client) => (await client.send('probe', 'GET', '/Users?count=1', undefined, [200])).ok,
  provisionUser: async (client, user, dir) => {
    user.id = await lookupThenCreate(client, 'user', onelogin.lookupPath(user.userName), '/Users', onelogin.renderPerson(user, 'true', dir.domain));
  },
  provisionGroup: async (client, group) => {
    group.id = await lookupThenCreate(client, 'group', onelogin.groupLookupPath(group.displayName), '/Groups', onelogin.groupBody(group.displayName));
  },
  addMembers: async (client, group, batch) =>
    (await client.send('group.members', 'PATCH', `/Groups/${group.id}`, onelogin.addMembers(...batch), [200, 204])).ok,
  update: async (client, user, dir) => {
    await client.send('user.update', 'PUT', `/Users/${user.id}`, onelogin.renderPerson(promoted(user), 'true', dir.domain, user.id), [200]);
  },
  deactivate: async (client, user, dir) => {
    settle(
      user,
      await client.send('user.deactivate', 'PUT', `/Users/${user.id}`, onelogin.renderPerson(user, 'false', dir.domain, user.id), [200]),
      'suspended',
    );
  },
  remove: deleteUser,
};
