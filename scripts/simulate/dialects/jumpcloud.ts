import * as jumpcloud from '@/test/idp-behaviour/jumpcloud';
import { hexId, type Directory, type SimUser } from '../directory';
import { deleteUser, idFrom, lookupThenCreate, promoted, settle } from './common';
import type { Dialect } from './types';

/** JumpCloud object ids are 24 hex digits (MongoDB ObjectIds); the manager is one of them too. */
const userBody = (user: SimUser, dir: Directory) =>
  jumpcloud.userBody(user, { externalId: hexId(dir.runId, user.index, 24), employeeNumber: `E-${user.index + 1}`, managerId: hexId(dir.runId, 0, 24) });

/**
 * JumpCloud's custom SCIM 2.0 Identity Management (test/idp-behaviour/jumpcloud.ts): Test
 * Connection creates a test user and a test group and deletes both; bound users are looked up
 * then created; bound groups are created, then members PATCHed in; profile changes are PUTs,
 * suspension is PATCH active=false.
 */
export const dialect: Dialect = {
  facts: jumpcloud.facts,
  probe: async (client, dir) => {
    // The run's own test user and group, so runs against one org never collide.
    const user = idFrom(await client.send('probe', 'POST', '/Users', jumpcloud.testUserBody(`test.user@${dir.domain}`), [201]));
    const group = idFrom(await client.send('probe', 'POST', '/Groups', jumpcloud.testGroupBody(`JumpCloud SCIM Test Group ${dir.runId}`), [201]));
    const deleted = await Promise.all([
      group ? client.send('probe', 'DELETE', `/Groups/${group}`, undefined, [204]) : undefined,
      user ? client.send('probe', 'DELETE', `/Users/${user}`, undefined, [204]) : undefined,
    ]);
    return Boolean(user && group) && deleted.every((reply) => reply?.ok);
  },
  provisionUser: async (client, user, dir) => {
    user.id = await lookupThenCreate(client, 'user', jumpcloud.lookupPath(user.userName), '/Users', userBody(user, dir));
  },
  provisionGroup: async (client, group) => {
    group.id = await lookupThenCreate(client, 'group', jumpcloud.groupLookupPath(group.displayName), '/Groups', jumpcloud.groupBody(group.displayName));
  },
  addMembers: async (client, group, batch) =>
    (await client.send('group.members', 'PATCH', `/Groups/${group.id}`, jumpcloud.addMembers(...batch), [200, 204])).ok,
  update: async (client, user, dir) => {
    await client.send('user.update', 'PUT', `/Users/${user.id}`, { ...userBody(promoted(user), dir), id: user.id }, [200]);
  },
  deactivate: async (client, user) => {
    settle(user, await client.send('user.deactivate', 'PATCH', `/Users/${user.id}`, jumpcloud.setActive(false), [200, 204]), 'suspended');
  },
  remove: deleteUser,
};
