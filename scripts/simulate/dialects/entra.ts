import crypto from 'node:crypto';
import * as entra from '@/test/idp-behaviour/entra';
import { ENTERPRISE } from '../../shared/scim';
import { hexId } from '../directory';
import { deleteUser, lookupThenCreate, promoted, settle } from './common';
import type { Dialect } from './types';

/** A GUID from the run id, like Entra's object ids (externalId is the user's objectId). */
const guid = (runId: string, n: number) => hexId(runId, n, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Microsoft Entra ID without aadOptscim062020 (test/idp-behaviour/entra.ts): Test Connection
 * asks for a random userName and wants an empty list; each user is looked up by userName then
 * created through the default mappings; groups are created without members, which follow in
 * PATCH "Add" batches; updates are PATCH "Replace" per path with string booleans.
 */
export const dialect: Dialect = {
  facts: entra.facts,
  probe: async (client) => {
    const reply = await client.send('probe', 'GET', entra.paths.users(crypto.randomUUID()), undefined, [200]);
    return reply.ok && reply.json?.totalResults === 0;
  },
  provisionUser: async (client, user, dir) => {
    const body = entra.mappedUserBody(user, { externalId: guid(dir.runId, user.index), employeeNumber: String(10_000 + user.index) });
    user.id = await lookupThenCreate(client, 'user', entra.paths.users(user.userName), '/Users', body);
  },
  provisionGroup: async (client, group, dir) => {
    const body = entra.groupBody(group.displayName, guid(dir.runId, 1_000_000 + group.index));
    group.id = await lookupThenCreate(client, 'group', entra.paths.groups(group.displayName), '/Groups', body);
  },
  addMembers: async (client, group, batch) =>
    (await client.send('group.members', 'PATCH', `/Groups/${group.id}`, entra.legacy.addMembers(...batch), [200, 204])).ok,
  update: async (client, user) => {
    const body = entra.legacyPatch(
      entra.legacyOp('Replace', 'title', promoted(user).title),
      entra.legacyOp('Replace', `${ENTERPRISE}:department`, `${user.department} Ops`),
      entra.legacyOp('Replace', 'active', 'True'),
      entra.legacyOp('Add', 'phoneNumbers[type eq "mobile"].value', '+1 425 555 0199'),
    );
    await client.send('user.update', 'PATCH', `/Users/${user.id}`, body, [200, 204]);
  },
  deactivate: async (client, user) => {
    settle(user, await client.send('user.deactivate', 'PATCH', `/Users/${user.id}`, entra.legacy.disable, [200, 204]), 'suspended');
  },
  remove: deleteUser,
};
