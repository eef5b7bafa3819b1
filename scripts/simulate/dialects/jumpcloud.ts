import { hexId, type Directory, type SimUser } from '../directory';
import { changedTitle, coreUser, ENTERPRISE, filterQuery, GROUP_SCHEMA, lookupThenCreate, patch, USER_SCHEMA } from './common';
import type { Dialect } from './types';

/** JumpCloud object ids are 24 hex digits (MongoDB ObjectIds); unset attributes arrive as "". */
function jumpCloudUser(user: SimUser, dir: Directory, title = user.title) {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE],
    externalId: hexId(dir.runId, user.index, 24),
    ...coreUser({ ...user, title }, true),
    name: { givenName: user.givenName, familyName: user.familyName, middleName: '', formatted: `${user.givenName} ${user.familyName}` },
    phoneNumbers: [{ value: '', type: 'mobile' }],
    [ENTERPRISE]: { employeeNumber: `E-${user.index + 1}`, department: user.department, costCenter: '', manager: { value: hexId(dir.runId, 0, 24) } },
  };
}

/**
 * JumpCloud's SCIM 2.0 Identity Management (SAML app → Identity Management): Test Connection
 * looks up a test user's email; users are looked up then created; groups bound to the app are
 * created, then members PATCHed in; profile changes are PUTs, suspension is PATCH active=false.
 */
export const jumpcloud: Dialect = {
  name: 'jumpcloud',
  label: 'JumpCloud',
  userAgent: 'JumpCloud SCIM Client',
  batchSize: 100,
  deletesUsers: true,
  probe: async (client, dir) => (await client.send('probe', 'GET', `/Users${filterQuery('userName', `test.user@${dir.domain}`)}`, undefined, [200])).ok,
  provisionUser: async (client, user, dir) => {
    user.id = await lookupThenCreate(client, 'user', `/Users${filterQuery('userName', user.userName)}`, '/Users', jumpCloudUser(user, dir));
  },
  provisionGroup: async (client, group) => {
    const body = { schemas: [GROUP_SCHEMA], displayName: group.displayName, members: [] };
    group.id = await lookupThenCreate(client, 'group', `/Groups${filterQuery('displayName', group.displayName)}`, '/Groups', body);
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
    await client.send('user.update', 'PUT', `/Users/${user.id}`, jumpCloudUser(user, dir, changedTitle(user)), [200]);
  },
  deactivate: async (client, user) => {
    const reply = await client.send('user.deactivate', 'PATCH', `/Users/${user.id}`, patch({ op: 'replace', path: 'active', value: false }), [200, 204]);
    if (reply.ok) user.state = 'suspended';
  },
  remove: async (client, user) => {
    const reply = await client.send('user.delete', 'DELETE', `/Users/${user.id}`, undefined, [204]);
    if (reply.ok) user.state = 'deleted';
  },
};
