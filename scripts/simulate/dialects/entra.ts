import crypto from 'node:crypto';
import { hexId } from '../directory';
import { changedTitle, coreUser, ENTERPRISE, filterQuery, GROUP_SCHEMA, lookupThenCreate, patch, USER_SCHEMA } from './common';
import type { Dialect } from './types';

/** A GUID from the run id, like Entra's object ids (externalId is the user's objectId). */
const guid = (runId: string, n: number) => hexId(runId, n, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Microsoft Entra ID provisioning (learn.microsoft.com, "Develop and plan provisioning for a
 * SCIM endpoint"): Test Connection asks for a random userName and wants an empty list; each
 * user is looked up by userName then created; groups are created without members, which follow
 * in PATCH "Add" batches; updates are PATCH "Replace" with string booleans ("False": the
 * default `active` mapping is a Switch() that yields strings). The batch size is our
 * assumption, not a documented figure.
 */
export const entra: Dialect = {
  name: 'entra',
  label: 'Microsoft Entra ID',
  userAgent: 'Microsoft Azure AD SCIM provisioning',
  batchSize: 50,
  deletesUsers: true,
  probe: async (client) => {
    const reply = await client.send('probe', 'GET', `/Users${filterQuery('userName', crypto.randomUUID())}`, undefined, [200]);
    return reply.ok && reply.json?.totalResults === 0;
  },
  provisionUser: async (client, user, dir) => {
    const body = {
      schemas: [USER_SCHEMA, ENTERPRISE],
      externalId: guid(dir.runId, user.index),
      ...coreUser(user, true),
      phoneNumbers: [{ type: 'work', value: `+1 425 555 ${String(user.index % 10_000).padStart(4, '0')}` }],
      preferredLanguage: 'en-US',
      [ENTERPRISE]: { employeeNumber: String(10_000 + user.index), department: user.department, organization: 'Contoso' },
      meta: { resourceType: 'User' },
      roles: [],
    };
    user.id = await lookupThenCreate(client, 'user', `/Users${filterQuery('userName', user.userName)}`, '/Users', body);
  },
  provisionGroup: async (client, group, dir) => {
    const body = {
      schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: guid(dir.runId, 1_000_000 + group.index),
      displayName: group.displayName,
      meta: { resourceType: 'Group' },
    };
    const lookup = `/Groups${filterQuery('displayName', group.displayName, '&excludedAttributes=members')}`;
    group.id = await lookupThenCreate(client, 'group', lookup, '/Groups', body);
  },
  addMembers: async (client, group, batch) => {
    return (
      await client.send(
        'group.members',
        'PATCH',
        `/Groups/${group.id}`,
        patch({ op: 'Add', path: 'members', value: batch.map((value) => ({ value })) }),
        [200, 204],
      )
    ).ok;
  },
  update: async (client, user) => {
    await client.send(
      'user.update',
      'PATCH',
      `/Users/${user.id}`,
      patch(
        { op: 'Replace', path: 'title', value: changedTitle(user) },
        { op: 'Replace', path: `${ENTERPRISE}:department`, value: `${user.department} Ops` },
        { op: 'Replace', path: 'active', value: 'True' },
        { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 425 555 0199' },
      ),
      [200, 204],
    );
  },
  deactivate: async (client, user) => {
    const reply = await client.send('user.deactivate', 'PATCH', `/Users/${user.id}`, patch({ op: 'Replace', path: 'active', value: 'False' }), [200, 204]);
    if (reply.ok) user.state = 'suspended';
  },
  remove: async (client, user) => {
    const reply = await client.send('user.delete', 'DELETE', `/Users/${user.id}`, undefined, [204]);
    if (reply.ok) user.state = 'deleted';
  },
};
