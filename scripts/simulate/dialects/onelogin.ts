import { type Directory, type SimUser } from '../directory';
import { changedTitle, coreUser, ENTERPRISE, filterQuery, GROUP_SCHEMA, lookupThenCreate, USER_SCHEMA } from './common';
import type { Dialect } from './types';

/** OneLogin's JSON templates render every value as a string, booleans included, "" when unset. */
function oneLoginUser(user: SimUser, dir: Directory, active: 'true' | 'false', title = user.title) {
  const core = coreUser({ ...user, title }, active);
  return {
    schemas: [USER_SCHEMA, ENTERPRISE],
    ...core,
    externalId: String(90_000_000 + user.index),
    emails: [{ value: user.userName, type: 'work', primary: 'true' }],
    phoneNumbers: [{ value: '', type: 'work' }],
    [ENTERPRISE]: { department: user.department, organization: dir.domain, employeeNumber: '', manager: { value: '' } },
  };
}

/**
 * OneLogin's "SCIM Provisioner with SAML (SCIM v2 Enterprise)": a userName lookup before each
 * create, string booleans from its templates, updates and suspensions as a PUT of the whole
 * user, and group membership (from roles and rules) as a PUT of the group's whole member list.
 */
export const onelogin: Dialect = {
  name: 'onelogin',
  label: 'OneLogin',
  userAgent: 'OneLogin SCIM',
  batchSize: 100,
  deletesUsers: true,
  probe: async (client) => (await client.send('probe', 'GET', '/Users?count=1', undefined, [200])).ok,
  provisionUser: async (client, user, dir) => {
    user.id = await lookupThenCreate(client, 'user', `/Users${filterQuery('userName', user.userName)}`, '/Users', oneLoginUser(user, dir, 'true'));
  },
  provisionGroup: async (client, group) => {
    const body = { schemas: [GROUP_SCHEMA], displayName: group.displayName, members: [] };
    group.id = await lookupThenCreate(client, 'group', `/Groups${filterQuery('displayName', group.displayName)}`, '/Groups', body);
  },
  addMembers: async (client, group, _batch, all) => {
    const body = { schemas: [GROUP_SCHEMA], displayName: group.displayName, members: all.map((value) => ({ value })) };
    return (await client.send('group.members', 'PUT', `/Groups/${group.id}`, body, [200])).ok;
  },
  update: async (client, user, dir) => {
    await client.send('user.update', 'PUT', `/Users/${user.id}`, oneLoginUser(user, dir, 'true', changedTitle(user)), [200]);
  },
  deactivate: async (client, user, dir) => {
    const reply = await client.send('user.deactivate', 'PUT', `/Users/${user.id}`, oneLoginUser(user, dir, 'false'), [200]);
    if (reply.ok) user.state = 'suspended';
  },
  remove: async (client, user) => {
    const reply = await client.send('user.delete', 'DELETE', `/Users/${user.id}`, undefined, [204]);
    if (reply.ok) user.state = 'deleted';
  },
};
