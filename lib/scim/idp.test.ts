import { describe, expect, it } from 'vitest';
import entraUser from '@/test/fixtures/idp/entra-create-user.json';
import jumpcloudUser from '@/test/fixtures/idp/jumpcloud-create-user.json';
import oktaUser from '@/test/fixtures/idp/okta-create-user.json';
import oneloginUser from '@/test/fixtures/idp/onelogin-create-user.json';
import { detectIdp, type Idp } from './idp';

const USERS = 'https://roster.example.com/api/scim/v2/Users';

describe('detectIdp from the User-Agent (sources in fixtures/README.md)', () => {
  it.each<[string, Idp]>([
    ['Okta SCIM Client 1.0.0', 'okta'],
    ['okta scim client 2.3', 'okta'],
    ['Microsoft Azure AD SCIM provisioning 1.0.0', 'entra'],
    ['Azure AD SCIM Client', 'entra'],
    ['Microsoft Entra provisioning', 'entra'],
    ['OneLogin SCIM', 'onelogin'],
    ['JumpCloud SCIM Client/1.0', 'jumpcloud'],
    ['curl/8.5.0', 'unknown'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15', 'unknown'],
    ['Bokta/1.0', 'unknown'],
  ])('%s → %s', (userAgent, idp) => {
    expect(detectIdp({ userAgent, url: USERS })).toBe(idp);
  });

  it('lets the User-Agent win over the request shape', () => {
    expect(detectIdp({ userAgent: 'OneLogin SCIM', url: USERS, body: oktaUser })).toBe('onelogin');
  });
});

describe('detectIdp from the request shape when the User-Agent says nothing', () => {
  const entraPatch = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] };
  const rfcPatch = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] };

  it.each<[string, string, unknown, Idp]>([
    ['Entra feature flag in the Tenant URL', `${USERS}?aadOptscim062020`, undefined, 'entra'],
    ['Entra PATCH with "Replace"', `${USERS}/1`, entraPatch, 'entra'],
    ["Okta's lookup before create", `${USERS}?filter=userName%20eq%20%22a%40b.co%22&startIndex=1&count=100`, undefined, 'okta'],
    ["Okta's create body (password)", USERS, oktaUser, 'okta'],
    ['an Okta user id as externalId', USERS, { userName: 'a@b.co', externalId: '00u1abcdEFGH2345ijkl' }, 'okta'],
    ['a JumpCloud object id as externalId', USERS, jumpcloudUser, 'jumpcloud'],
    ['OneLogin string booleans', USERS, oneloginUser, 'onelogin'],
    ["Entra's create body (no quirk)", USERS, entraUser, 'unknown'],
    ['an RFC PATCH', `${USERS}/1`, rfcPatch, 'unknown'],
    ['a list without Okta paging', `${USERS}?filter=userName%20eq%20%22a%22&count=10`, undefined, 'unknown'],
    ['a relative URL and no body', '/api/scim/v2/Users', undefined, 'unknown'],
  ])('%s', (_case, url, body, idp) => {
    expect(detectIdp({ userAgent: null, url, body })).toBe(idp);
    expect(detectIdp({ userAgent: 'Java/17', url: new URL(url, 'https://roster.example.com'), body })).toBe(idp);
  });
});
