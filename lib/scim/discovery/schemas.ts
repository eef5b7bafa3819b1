import { CORE_GROUP_URN, CORE_USER_URN, ENTERPRISE_USER_URN } from '../filter/urns';
import { complex, deepFreeze, reference, text, type SchemaAttribute } from './attribute-builders';
import { ENTERPRISE_USER_ATTRIBUTES, USER_ATTRIBUTES } from './user-schema';

export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/** Core Group attributes (RFC 7643 §4.2) as Roster keeps them: users only, no nested groups. */
export const GROUP_ATTRIBUTES: SchemaAttribute[] = [
  text('displayName', 'Name of the group, unique per organization without regard to case. Required.', {
    required: true,
    uniqueness: 'server',
  }),
  complex(
    'members',
    'Members of the group. Only users of this organization: other values (nested group ids) are ignored.',
    [
      text('value', 'The id of a member.', { caseExact: true, mutability: 'immutable' }),
      text('display', "The member's displayName, else userName; set by Roster.", { mutability: 'readOnly' }),
      reference('$ref', "The URI of the member's User resource; set by Roster.", ['User'], { mutability: 'readOnly' }),
      text('type', 'Always User: groups are not members.', { canonicalValues: ['User'], mutability: 'readOnly' }),
    ],
    { multiValued: true },
  ),
];

export type SchemaDocument = {
  schemas: [typeof SCHEMA_SCHEMA];
  id: string;
  name: string;
  description: string;
  attributes: SchemaAttribute[];
};

const doc = (id: string, name: string, description: string, attributes: SchemaAttribute[]): SchemaDocument => ({
  schemas: [SCHEMA_SCHEMA],
  id,
  name,
  description,
  attributes,
});

/** Built once; only meta.location depends on the request's base URL. */
const DOCUMENTS: readonly SchemaDocument[] = deepFreeze([
  doc(CORE_USER_URN, 'User', 'User Account', USER_ATTRIBUTES),
  doc(ENTERPRISE_USER_URN, 'EnterpriseUser', 'Enterprise User', ENTERPRISE_USER_ATTRIBUTES),
  doc(CORE_GROUP_URN, 'Group', 'Group', GROUP_ATTRIBUTES),
]);

function withMeta(document: SchemaDocument, baseUrl: string) {
  return { ...document, meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${document.id}` } };
}

/** GET /Schemas (RFC 7644 §4). */
export function schemas(baseUrl: string) {
  return DOCUMENTS.map((document) => withMeta(document, baseUrl));
}

/** GET /Schemas/{id}; schema URIs compare case-insensitively (RFC 7643 §2.1). */
export function schemaById(id: string, baseUrl: string) {
  const document = DOCUMENTS.find((d) => d.id.toLowerCase() === id.toLowerCase());
  return document && withMeta(document, baseUrl);
}
