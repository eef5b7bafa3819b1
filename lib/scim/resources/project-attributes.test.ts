import { describe, expect, it } from 'vitest';
import entraMapped from '@/test/fixtures/idp/entra-create-user-mapped.json';
import { groupRow, memberRow } from '@/test/fixtures/idp/rows';
import { ENTERPRISE_USER_URN } from '../urns';
import { parseUserBody } from '../schemas/user';
import { toGroupResource } from './group-resource';
import { needsMembers, projectAttributes } from './project-attributes';
import { toUserResource } from './user-resource';

const BASE = 'https://roster.example.com/api/scim/v2';
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const user = toUserResource(memberRow(parseUserBody(entraMapped).fields), BASE);
const id = user.id;
const only = (attributes: string[]) => projectAttributes(user, { attributes, excludedAttributes: [] });
const without = (excludedAttributes: string[]) => projectAttributes(user, { attributes: [], excludedAttributes });

describe('projectAttributes with attributes=', () => {
  it.each<[string[], Record<string, unknown>]>([
    [['userName'], { schemas: [CORE], id, userName: 'AdeleV@contoso.example' }],
    [['USERNAME'], { schemas: [CORE], id, userName: 'AdeleV@contoso.example' }],
    [['name.givenName'], { schemas: [CORE], id, name: { givenName: 'Adele' } }],
    [['emails.value'], { schemas: [CORE], id, emails: [{ value: 'AdeleV@contoso.example' }] }],
    [[`${CORE}:displayName`], { schemas: [CORE], id, displayName: 'Adele Vance' }],
    [[`${ENTERPRISE_USER_URN}:department`], { schemas: [CORE, ENTERPRISE_USER_URN], id, [ENTERPRISE_USER_URN]: { department: 'Retail' } }],
    [
      [`${ENTERPRISE_USER_URN}:manager.value`],
      { schemas: [CORE, ENTERPRISE_USER_URN], id, [ENTERPRISE_USER_URN]: { manager: { value: '9a4b1c1e-7f9e-4d2b-8a53-5b1f0c3d2e11' } } },
    ],
    [['department'], { schemas: [CORE, ENTERPRISE_USER_URN], id, [ENTERPRISE_USER_URN]: { department: 'Retail' } }],
    [['meta.version', 'id'], { schemas: [CORE], id, meta: { version: 'W/"3"' } }],
    [['nickName', 'addresses'], { schemas: [CORE], id }],
  ])('%j', (attributes, expected) => {
    expect(only(attributes)).toEqual(expected);
  });

  it('returns a whole extension by its URN', () => {
    expect(only([ENTERPRISE_USER_URN])[ENTERPRISE_USER_URN]).toEqual(user[ENTERPRISE_USER_URN]);
  });

  it('wins over excludedAttributes', () => {
    expect(projectAttributes(user, { attributes: ['title'], excludedAttributes: ['title'] })).toEqual({ schemas: [CORE], id, title: 'Retail Manager' });
  });
});

describe('projectAttributes with excludedAttributes=', () => {
  it('drops the named attributes but never id or schemas (returned "always")', () => {
    const out = without(['emails', 'ID', 'schemas', 'meta']);
    expect(out).not.toHaveProperty('emails');
    expect(out).not.toHaveProperty('meta');
    expect(out.id).toBe(id);
    expect(out.schemas).toEqual([CORE, ENTERPRISE_USER_URN]);
    expect(out.userName).toBe('AdeleV@contoso.example');
  });

  it('drops sub-attributes, and the parent when nothing is left', () => {
    expect(without(['name.givenName']).name).toEqual({ familyName: 'Vance' });
    expect(without(['name.givenName', 'name.familyName'])).not.toHaveProperty('name');
    expect(without(['phoneNumbers.type']).phoneNumbers).toEqual([{ value: '+1 425 555 0109' }, { value: '+1 425 555 0110' }]);
  });

  it('drops an extension attribute, or the whole extension and its schema URN', () => {
    expect(without([`${ENTERPRISE_USER_URN}:manager`])[ENTERPRISE_USER_URN]).toEqual({ employeeNumber: '1042', organization: 'Contoso', department: 'Retail' });
    const out = without([ENTERPRISE_USER_URN.toUpperCase()]);
    expect(out).not.toHaveProperty(ENTERPRISE_USER_URN);
    expect(out.schemas).toEqual([CORE]);
  });

  it('returns the resource unchanged with neither list', () => {
    expect(projectAttributes(user, { attributes: [], excludedAttributes: [] })).toBe(user);
  });
});

describe('groups', () => {
  const group = toGroupResource(groupRow(), [{ value: 'm1', display: 'Ada' }], BASE);
  it('projects members sub-attributes', () => {
    expect(projectAttributes(group, { attributes: ['members.value'], excludedAttributes: [] }).members).toEqual([{ value: 'm1' }]);
    expect(projectAttributes(group, { attributes: [], excludedAttributes: ['members'] })).not.toHaveProperty('members');
  });
});

describe('needsMembers', () => {
  it.each<[string[], string[], boolean]>([
    [[], [], true],
    [[], ['members'], false],
    [[], ['MEMBERS'], false],
    [[], ['urn:ietf:params:scim:schemas:core:2.0:Group:members'], false],
    [[], ['members.display'], true],
    [['displayName'], [], false],
    [['displayName', 'members.value'], [], true],
    [['urn:ietf:params:scim:schemas:core:2.0:Group:Members'], [], true],
    [['members'], ['members'], true],
  ])('attributes=%j excludedAttributes=%j → %s', (attributes, excludedAttributes, expected) => {
    expect(needsMembers({ attributes, excludedAttributes })).toBe(expected);
  });
});
