import { describe, expect, it } from 'vitest';
import { CORE_GROUP_URN, CORE_USER_URN, ENTERPRISE_USER_URN } from '../urns';
import { MAX_PAGE_SIZE } from '../schemas/list-query';
import type { SchemaAttribute } from './schema-attribute';
import { resourceTypeById, resourceTypes } from './resource-types';
import { schemaById, schemas } from './schemas';
import { serviceProviderConfig } from './service-provider-config';

const BASE = 'https://roster.example.com/api/scim/v2';

describe('ServiceProviderConfig (RFC 7643 §5)', () => {
  const config = serviceProviderConfig(BASE);
  it('tells what Roster supports', () => {
    expect(config).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0 },
      filter: { supported: true, maxResults: MAX_PAGE_SIZE },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      meta: { resourceType: 'ServiceProviderConfig', location: `${BASE}/ServiceProviderConfig` },
    });
    expect(config.authenticationSchemes).toEqual([
      expect.objectContaining({ type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: expect.any(String) }),
    ]);
  });

  it('is a constant no caller can change', () => {
    expect(() => {
      (config.filter as { maxResults: number }).maxResults = 5;
    }).toThrow(TypeError);
    expect(serviceProviderConfig(BASE).filter.maxResults).toBe(MAX_PAGE_SIZE);
  });
});

describe('ResourceTypes (RFC 7643 §6)', () => {
  it('lists User (with the enterprise extension) and Group', () => {
    expect(resourceTypes(BASE).map((t) => [t.id, t.endpoint, t.schema, t.meta.location])).toEqual([
      ['User', '/Users', CORE_USER_URN, `${BASE}/ResourceTypes/User`],
      ['Group', '/Groups', CORE_GROUP_URN, `${BASE}/ResourceTypes/Group`],
    ]);
    expect(resourceTypeById('user', BASE)).toMatchObject({ id: 'User', schemaExtensions: [{ schema: ENTERPRISE_USER_URN, required: false }] });
    expect(resourceTypeById('Widgets', BASE)).toBeUndefined();
  });
});

describe('Schemas (RFC 7643 §7)', () => {
  it('lists core User, enterprise User and core Group, each findable by id without regard to case', () => {
    expect(schemas(BASE).map((s) => s.id)).toEqual([CORE_USER_URN, ENTERPRISE_USER_URN, CORE_GROUP_URN]);
    expect(schemaById(ENTERPRISE_USER_URN.toUpperCase(), BASE)?.meta).toEqual({ resourceType: 'Schema', location: `${BASE}/Schemas/${ENTERPRISE_USER_URN}` });
    expect(schemaById('urn:ietf:params:scim:schemas:core:2.0:Widget', BASE)).toBeUndefined();
  });

  const all = (attributes: readonly SchemaAttribute[]): SchemaAttribute[] => attributes.flatMap((a) => [a, ...all(a.subAttributes ?? [])]);
  it.each(schemas(BASE).map((s) => [s.name, s] as const))('gives every %s attribute its RFC 7643 §7 characteristics', (_name, schema) => {
    for (const attribute of all(schema.attributes)) {
      expect(attribute).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          type: expect.any(String),
          multiValued: expect.any(Boolean),
          description: expect.any(String),
          required: expect.any(Boolean),
          mutability: expect.any(String),
          returned: expect.any(String),
        }),
      );
      if (attribute.type === 'string' || attribute.type === 'reference') {
        expect(attribute).toEqual(expect.objectContaining({ caseExact: expect.any(Boolean), uniqueness: expect.any(String) }));
      }
    }
  });

  it('says userName and Group displayName are required, unique per server and not case-exact', () => {
    const userName = schemaById(CORE_USER_URN, BASE)?.attributes.find((a) => a.name === 'userName');
    const displayName = schemaById(CORE_GROUP_URN, BASE)?.attributes.find((a) => a.name === 'displayName');
    for (const attribute of [userName, displayName]) {
      expect(attribute).toMatchObject({ required: true, uniqueness: 'server', caseExact: false });
    }
  });

  it('does not advertise attributes Roster drops', () => {
    const names = schemaById(CORE_USER_URN, BASE)?.attributes.map((a) => a.name);
    for (const dropped of ['password', 'addresses', 'photos', 'ims', 'roles', 'entitlements', 'x509Certificates', 'groups', 'profileUrl']) {
      expect(names).not.toContain(dropped);
    }
  });
});
