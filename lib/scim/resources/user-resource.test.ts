import { describe, expect, it } from 'vitest';
import { ENTERPRISE_USER_URN } from '../urns';
import okta from '@/test/fixtures/idp/okta-create-user.json';
import entraMapped from '@/test/fixtures/idp/entra-create-user-mapped.json';
import { memberRow } from '@/test/fixtures/idp/rows';
import { parseUserBody, userResourceToFields } from '../schemas/user';
import { toUserResource } from './user-resource';

const BASE = 'https://roster.example.com/api/scim/v2';
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('toUserResource', () => {
  it("maps Okta's user back to SCIM, omitting unassigned attributes and never the password", () => {
    const row = memberRow(parseUserBody(okta).fields);
    expect(toUserResource(row, BASE)).toEqual({
      schemas: [CORE],
      id: row.id,
      externalId: '00ujl29u0le5T6Aj10h7',
      userName: 'test.user@okta.local',
      name: { familyName: 'User', givenName: 'Test' },
      displayName: 'Test User',
      locale: 'en-US',
      active: true,
      emails: [{ value: 'test.user@okta.local', type: 'work', primary: true }],
      meta: {
        resourceType: 'User',
        created: '2025-01-23T04:56:22.000Z',
        lastModified: '2025-02-03T10:11:12.000Z',
        location: `${BASE}/Users/${row.id}`,
        version: 'W/"3"',
      },
    });
  });

  it('adds the enterprise schema and extension only when an enterprise field is set', () => {
    const resource = toUserResource(memberRow(parseUserBody(entraMapped).fields), BASE);
    expect(resource.schemas).toEqual([CORE, ENTERPRISE_USER_URN]);
    expect(resource[ENTERPRISE_USER_URN]).toEqual({
      employeeNumber: '1042',
      organization: 'Contoso',
      department: 'Retail',
      manager: { value: '9a4b1c1e-7f9e-4d2b-8a53-5b1f0c3d2e11', $ref: `${BASE}/Users/9a4b1c1e-7f9e-4d2b-8a53-5b1f0c3d2e11` },
    });
  });

  it('returns active false for a suspended member', () => {
    const row = memberRow({ ...parseUserBody(okta).fields, active: false });
    expect(toUserResource(row, BASE).active).toBe(false);
  });

  it('returns the email column as the primary work email when the list lacks it (members added in the UI)', () => {
    const fields = parseUserBody(okta).fields;
    const noList = memberRow({ ...fields, emails: [], email: 'ui@example.com' });
    expect(toUserResource(noList, BASE).emails).toEqual([{ value: 'ui@example.com', type: 'work', primary: true }]);
    const stale = memberRow({ ...fields, email: 'new@example.com', emails: [{ value: 'old@example.com', type: 'work', primary: true }] });
    expect(toUserResource(stale, BASE).emails).toEqual([
      { value: 'new@example.com', type: 'work', primary: true },
      { value: 'old@example.com', type: 'work' },
    ]);
  });

  it('copies only stored sub-attributes from the JSON columns', () => {
    const row = memberRow(parseUserBody(okta).fields, {
      phoneNumbers: [{ value: '+1 555', type: 'work', extra: 'x' } as { value: string; type: string }],
    });
    expect(toUserResource(row, BASE).phoneNumbers).toEqual([{ value: '+1 555', type: 'work' }]);
  });

  it.each([
    ['Okta', okta],
    ['Entra', entraMapped],
  ])('round-trips %s: resource → parser gives the same fields, with nothing to note', (_idp, body) => {
    const fields = parseUserBody(body).fields;
    const again = userResourceToFields(toUserResource(memberRow(fields), BASE));
    expect(again).toEqual({ fields, ignoredAttributes: [], adaptations: [] });
  });
});
