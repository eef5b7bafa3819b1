import { complex, dateTime, reference, text, type Attribute } from './attribute';

type CommonColumn = 'id' | 'externalId' | 'createdAt' | 'updatedAt';

/**
 * The attributes every resource has (RFC 7643 §3, §3.1), stored in the same columns on members
 * and groups. Set by the service provider except externalId, which is the client's and
 * caseExact. /Schemas does not list them, as the RFC's own §8.7.1 does not.
 */
export const COMMON_ATTRIBUTES: readonly Attribute<CommonColumn>[] = [
  text('id', 'Unique identifier set by Roster (a UUID).', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
    column: 'id',
    filterable: true,
  }),
  text('externalId', 'The identifier the provisioning client gave the resource.', { caseExact: true, column: 'externalId', filterable: true }),
  complex(
    'meta',
    'Resource metadata set by Roster.',
    [
      text('resourceType', 'User or Group.', { caseExact: true, mutability: 'readOnly' }),
      dateTime('created', 'When the resource was created.', { mutability: 'readOnly', column: 'createdAt', filterable: true }),
      dateTime('lastModified', 'When the resource last changed.', { mutability: 'readOnly', column: 'updatedAt', filterable: true }),
      reference('location', 'The URI of the resource.', ['uri'], { mutability: 'readOnly' }),
      text('version', 'The ETag of the resource (RFC 7644 §3.14).', { caseExact: true, mutability: 'readOnly' }),
    ],
    { mutability: 'readOnly' },
  ),
  text('schemas', 'The schema URIs the resource holds.', { multiValued: true, caseExact: false, mutability: 'readOnly', returned: 'always' }),
];
