import { describe, expect, it } from 'vitest';
import entra from '@/test/fixtures/idp/entra-create-group.json';
import okta from '@/test/fixtures/idp/okta-create-group.json';
import { MAX_GROUP_MEMBERS, parseGroupBody } from './group';
import { errorOf as scimErrorOf } from '@/test/scim-error-of';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ID = '0c8e7a0b-3c1d-4a57-9b8d-7d1e2f3a4b5c';

const errorOf = (body: unknown) => scimErrorOf(() => parseGroupBody(body));

describe('parseGroupBody with IdP bodies', () => {
  it("reads Entra's create-group body and tolerates its extra schema URI", () => {
    expect(parseGroupBody(entra)).toEqual({
      fields: { displayName: 'displayName', externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159', memberIds: [] },
      ignoredAttributes: [],
      adaptations: ['unknown extension ignored'],
    });
  });

  it("reads Okta's pushed group with members, lower-casing UUIDs", () => {
    expect(parseGroupBody(okta).fields).toEqual({
      displayName: 'Test SCIMv2',
      externalId: null,
      memberIds: ['6f2a5e70-54a0-4c8b-9c77-1b2b6e2f0a01', ID],
    });
  });
});

describe('group rules', () => {
  it.each<[string, unknown, string, string]>([
    ['missing displayName', { schemas: [CORE] }, 'invalidValue', '"displayName" is required'],
    ['blank displayName', { schemas: [CORE], displayName: ' ' }, 'invalidValue', '"displayName" must not be empty'],
    ['257-character displayName', { schemas: [CORE], displayName: 'g'.repeat(257) }, 'invalidValue', '"displayName" must be at most 256 characters'],
    ['a User body', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], displayName: 'x' }, 'invalidSyntax', `"schemas" must include ${CORE}`],
    ['members not a list', { displayName: 'x', members: 5 }, 'invalidSyntax', '"members" must be an array'],
    ['a member without value', { displayName: 'x', members: [{ display: 'Ada' }] }, 'invalidValue', '"members[0].value" is required'],
    ['a blank member value', { displayName: 'x', members: [{ value: ' ' }] }, 'invalidValue', '"members[0].value" must be a member id'],
  ])('%s is a 400', (_case, body, scimType, detail) => {
    const error = errorOf(body);
    expect([error.status, error.scimType, error.detail]).toEqual([400, scimType, detail]);
  });

  it(`allows ${MAX_GROUP_MEMBERS} members and refuses one more`, () => {
    const members = Array.from({ length: MAX_GROUP_MEMBERS + 1 }, (_, i) => ({ value: `m${i}` }));
    expect(parseGroupBody({ displayName: 'x', members: members.slice(1) }).fields.memberIds).toHaveLength(MAX_GROUP_MEMBERS);
    expect(errorOf({ displayName: 'x', members }).scimType).toBe('invalidValue');
  });

  it('keeps values that are not UUIDs for the caller, merges duplicates and notes it', () => {
    const parsed = parseGroupBody({
      displayName: 'x',
      members: [{ value: ID }, { value: ID.toUpperCase() }, { value: ' nested-group-7 ', type: 'Group' }, 'bare'],
    });
    expect(parsed.fields.memberIds).toEqual([ID, 'nested-group-7', 'bare']);
    expect(parsed.adaptations).toEqual(['missing schemas tolerated', 'bare value wrapped as multi-valued entry', 'duplicate member values merged']);
  });

  it('matches names without regard to case and names what it ignores', () => {
    const parsed = parseGroupBody({ DisplayName: 'Ops', MEMBERS: [{ Value: ID, weight: 3 }], description: 'x', id: 'ignored', meta: {} });
    expect(parsed.fields).toEqual({ displayName: 'Ops', externalId: null, memberIds: [ID] });
    expect(parsed.ignoredAttributes).toEqual(['description', 'members.weight']);
    expect(parsed.adaptations).toContain('attribute name case normalized');
  });

  it('refuses prototype keys', () => {
    expect(errorOf(JSON.parse('{"displayName":"x","members":[{"value":"a","__proto__":{}}]}')).scimType).toBe('invalidSyntax');
  });
});
