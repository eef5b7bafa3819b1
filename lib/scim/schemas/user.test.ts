import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors';
import { ENTERPRISE_USER_URN } from '../urns';
import entraMapped from '@/test/fixtures/idp/entra-create-user-mapped.json';
import entra from '@/test/fixtures/idp/entra-create-user.json';
import jumpcloud from '@/test/fixtures/idp/jumpcloud-create-user.json';
import okta from '@/test/fixtures/idp/okta-create-user.json';
import onelogin from '@/test/fixtures/idp/onelogin-create-user.json';
import { parseUserBody, type MemberFields } from './user';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const user = (extra: Record<string, unknown> = {}) => ({ schemas: [CORE], userName: 'ada@example.com', ...extra });

function scimErrorOf(body: unknown): ScimError {
  try {
    parseUserBody(body);
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('parseUserBody with IdP create-user bodies (fixtures/README.md)', () => {
  it.each<[string, unknown, Partial<MemberFields>, string[], string[]]>([
    [
      'Entra (Microsoft Learn example)',
      entra,
      {
        userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
        email: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com',
        externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        givenName: 'givenName',
        familyName: 'familyName',
        formattedName: 'givenName familyName',
        active: true,
      },
      [],
      [],
    ],
    [
      'Entra (default mappings)',
      entraMapped,
      {
        userName: 'AdeleV@contoso.example',
        title: 'Retail Manager',
        preferredLanguage: 'en-US',
        active: true,
        employeeNumber: '1042',
        department: 'Retail',
        organization: 'Contoso',
        managerId: '9a4b1c1e-7f9e-4d2b-8a53-5b1f0c3d2e11',
        phoneNumbers: [
          { value: '+1 425 555 0109', type: 'work' },
          { value: '+1 425 555 0110', type: 'mobile' },
        ],
      },
      ['addresses'],
      ['bare manager id wrapped', 'string boolean coerced'],
    ],
    [
      'Okta',
      okta,
      {
        userName: 'test.user@okta.local',
        email: 'test.user@okta.local',
        displayName: 'Test User',
        locale: 'en-US',
        externalId: '00ujl29u0le5T6Aj10h7',
        active: true,
      },
      ['password'],
      [],
    ],
    [
      'OneLogin',
      onelogin,
      {
        userName: 'jane.doe@example.com',
        email: 'jane.doe@example.com',
        active: true,
        phoneNumbers: [],
        employeeNumber: null,
        managerId: null,
        department: 'Engineering',
        emails: [{ value: 'jane.doe@example.com', type: 'work', primary: true }],
      },
      [],
      ['empty multi-valued entry dropped', 'string boolean coerced'],
    ],
    [
      'JumpCloud',
      jumpcloud,
      {
        userName: 'sam.lee@example.com',
        middleName: null,
        costCenter: 'CC-17',
        division: 'Finance',
        managerId: null,
        phoneNumbers: [{ value: '+44 20 7946 0958', type: 'work' }],
      },
      ['addresses', `${ENTERPRISE_USER_URN}:manager`],
      ['empty multi-valued entry dropped', 'manager value not a Roster id: ignored'],
    ],
  ])('%s', (_idp, body, fields, ignored, adaptations) => {
    const parsed = parseUserBody(body);
    expect(parsed.fields).toMatchObject(fields);
    expect(parsed.ignoredAttributes).toEqual(ignored);
    expect(parsed.adaptations).toEqual(adaptations);
  });

  it("never keeps Okta's password value anywhere in the result", () => {
    expect(JSON.stringify(parseUserBody(okta))).not.toContain('1mz050nq');
  });
});

describe('schemas', () => {
  it('tolerates a missing schemas attribute, with a note', () => {
    expect(parseUserBody({ userName: 'ada@example.com' }).adaptations).toContain('missing schemas tolerated');
  });

  it('refuses a body whose schemas lack the core User URN', () => {
    const error = scimErrorOf({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], userName: 'ada@example.com' });
    expect([error.status, error.scimType]).toEqual([400, 'invalidSyntax']);
    expect(error.detail).toContain(CORE);
  });

  it('compares schema URNs without regard to case', () => {
    expect(parseUserBody({ schemas: [CORE.toUpperCase()], userName: 'ada@example.com' }).fields.userName).toBe('ada@example.com');
  });

  it('ignores an unknown extension and names it', () => {
    const okta = 'urn:okta:custom:2.0:User';
    const parsed = parseUserBody({ ...user(), schemas: [CORE, okta], [okta]: { badge: '42' } });
    expect(parsed.adaptations).toContain('unknown extension ignored');
    expect(parsed.ignoredAttributes).toEqual([okta]);
  });
});

describe('userName', () => {
  it.each<[string, unknown, string]>([
    ['missing', undefined, 'invalidValue'],
    ['blank', '   ', 'invalidValue'],
    ['257 characters', `${'a'.repeat(245)}@example.com`, 'invalidValue'],
    ['a number', 42, 'invalidSyntax'],
  ])('%s is a 400 naming userName', (_case, userName, scimType) => {
    const error = scimErrorOf({ schemas: [CORE], userName, emails: [{ value: 'ada@example.com' }] });
    expect([error.status, error.scimType]).toEqual([400, scimType]);
    expect(error.detail).toContain('userName');
  });

  it('accepts 256 characters', () => {
    const userName = `${'a'.repeat(244)}@example.com`;
    expect(parseUserBody(user({ userName })).fields.userName).toHaveLength(256);
  });
});

describe('active', () => {
  it.each<[unknown, boolean, boolean]>([
    [true, true, false],
    [false, false, false],
    ['True', true, true],
    ['False', false, true],
    ['false', false, true],
    [' TRUE ', true, true],
    [undefined, true, false],
    [null, true, false],
  ])('%j → %s', (active, expected, coerced) => {
    const parsed = parseUserBody(user({ active }));
    expect(parsed.fields.active).toBe(expected);
    expect(parsed.adaptations.includes('string boolean coerced')).toBe(coerced);
  });

  it.each<[unknown, string]>([
    ['yes', 'invalidValue'],
    [1, 'invalidSyntax'],
  ])('%j is a 400 naming active', (active, scimType) => {
    const error = scimErrorOf(user({ active }));
    expect(error.scimType).toBe(scimType);
    expect(error.detail).toContain('active');
  });
});

describe('attribute names', () => {
  it('matches names without regard to case, with a note', () => {
    const parsed = parseUserBody({ Schemas: [CORE], UserName: 'ada@example.com', NAME: { GivenName: 'Ada' }, Emails: [{ Value: 'a@x.io', TYPE: 'work' }] });
    expect(parsed.fields).toMatchObject({ userName: 'ada@example.com', givenName: 'Ada', email: 'a@x.io' });
    expect(parsed.adaptations).toContain('attribute name case normalized');
  });

  it('refuses the same attribute twice in different cases', () => {
    const error = scimErrorOf({ schemas: [CORE], userName: 'a@x.io', UserName: 'b@x.io' });
    expect([error.scimType, error.detail]).toEqual(['invalidSyntax', '"userName" is given twice (as "userName" and "UserName")']);
  });

  it('reads URN-qualified keys', () => {
    const parsed = parseUserBody({ ...user(), [`${ENTERPRISE_USER_URN}:department`]: 'Ops', [`${CORE}:title`]: 'CTO' });
    expect(parsed.fields).toMatchObject({ department: 'Ops', title: 'CTO' });
    expect(parsed.adaptations).toContain('URN-qualified attribute key');
  });

  it('refuses an attribute sent both plain and URN-qualified', () => {
    const error = scimErrorOf({ ...user(), [`${CORE}:userName`]: 'other@example.com' });
    expect([error.scimType, error.detail]).toEqual(['invalidSyntax', `"${CORE}:userName" is given twice`]);
  });

  it.each([
    '{"userName":"a@x.io","__proto__":{"admin":true}}',
    '{"userName":"a@x.io","name":{"constructor":{"prototype":{}}}}',
    '{"userName":"a@x.io","emails":[{"value":"a@x.io","__PROTO__":1}]}',
  ])('refuses prototype keys: %s', (json) => {
    expect(scimErrorOf(JSON.parse(json)).scimType).toBe('invalidSyntax');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('names what Roster does not store, only when it carries data', () => {
    const parsed = parseUserBody(
      user({
        addresses: [{ locality: 'Paris' }],
        photos: [],
        roles: [],
        groups: [{ value: 'g' }],
        profileUrl: '',
        nickname: 'Ada',
        x509Certificates: [{ value: 'MII' }],
        favouriteColour: 'green',
        name: { givenName: 'Ada', honorificPrefix: 'Dr' },
        password: '',
      }),
    );
    expect(parsed.ignoredAttributes.sort()).toEqual(['addresses', 'favouriteColour', 'groups', 'name.honorificPrefix', 'password', 'x509Certificates']);
    expect(parsed.fields.nickName).toBe('Ada');
  });
});

describe('strings', () => {
  it('refuses a string over 1024 characters, naming it', () => {
    const error = scimErrorOf(user({ title: 'x'.repeat(1025) }));
    expect([error.scimType, error.detail]).toEqual(['invalidValue', '"title" must be at most 1024 characters']);
  });

  it('treats "" and null as no value', () => {
    expect(parseUserBody(user({ title: '', displayName: null })).fields).toMatchObject({ title: null, displayName: null });
  });

  it('names the enterprise attribute of the wrong type', () => {
    expect(scimErrorOf(user({ [ENTERPRISE_USER_URN]: { department: 7 } })).detail).toBe(`"${ENTERPRISE_USER_URN}:department" must be a string`);
  });

  it.each([[[]], ['x'], [null]])('refuses a body that is not an object: %j', (body) => {
    expect(scimErrorOf(body).scimType).toBe('invalidSyntax');
  });
});
