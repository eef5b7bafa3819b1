import type { ResourceTable } from '../attributes/attribute';
import { GROUP_TABLE } from '../attributes/group';
import { USER_TABLE } from '../attributes/user';
import { SCHEMA_SCHEMA } from '../urns';
import { deepFreeze } from './deep-freeze';
import { listedAttributes, type SchemaAttribute } from './schema-attribute';

export type SchemaDocument = {
  schemas: [typeof SCHEMA_SCHEMA];
  id: string;
  name: string;
  description: string;
  attributes: SchemaAttribute[];
};

/** One document per schema of each resource (RFC 7643 §7), from the attribute tables. */
function documentsOf(table: ResourceTable): SchemaDocument[] {
  return [table.core, ...table.extensions].map(({ urn, name, description, attributes }) => ({
    schemas: [SCHEMA_SCHEMA],
    id: urn,
    name,
    description,
    attributes: listedAttributes(attributes),
  }));
}

/** Built once; only meta.location depends on the request's base URL. */
const DOCUMENTS: readonly SchemaDocument[] = deepFreeze([...documentsOf(USER_TABLE), ...documentsOf(GROUP_TABLE)]);

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
