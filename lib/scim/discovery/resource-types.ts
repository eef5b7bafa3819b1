import { CORE_GROUP_URN, CORE_USER_URN, ENTERPRISE_USER_URN, RESOURCE_TYPE_SCHEMA } from '../urns';
import { deepFreeze } from './deep-freeze';

/** The two resource types Roster serves (RFC 7643 §6), built once. */
const RESOURCE_TYPES = deepFreeze([
  {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'A member of the organization',
    schema: CORE_USER_URN,
    schemaExtensions: [{ schema: ENTERPRISE_USER_URN, required: false }],
  },
  {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    description: 'A group of members',
    schema: CORE_GROUP_URN,
  },
] as const);

type ResourceTypeDocument = (typeof RESOURCE_TYPES)[number];

function withMeta(type: ResourceTypeDocument, baseUrl: string) {
  return { ...type, meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/${type.id}` } };
}

/** GET /ResourceTypes (RFC 7644 §4). */
export function resourceTypes(baseUrl: string) {
  return RESOURCE_TYPES.map((type) => withMeta(type, baseUrl));
}

/** GET /ResourceTypes/{User|Group}; matched without regard to case. */
export function resourceTypeById(id: string, baseUrl: string) {
  const type = RESOURCE_TYPES.find((t) => t.id.toLowerCase() === id.toLowerCase());
  return type && withMeta(type, baseUrl);
}
