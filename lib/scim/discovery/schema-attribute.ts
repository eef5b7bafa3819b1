import type { Attribute } from '../attributes/attribute';

/** An attribute definition in a /Schemas document (RFC 7643 §7): the table's, without Roster's own keys. */
export type SchemaAttribute = Omit<Attribute, 'stored' | 'column' | 'filterable' | 'subAttributes'> & { subAttributes?: SchemaAttribute[] };

/** The RFC 7643 §7 characteristics, in the order /Schemas has always written them. */
const CHARACTERISTICS = [
  'name',
  'type',
  'multiValued',
  'required',
  'mutability',
  'returned',
  'description',
  'caseExact',
  'referenceTypes',
  'uniqueness',
  'canonicalValues',
] as const satisfies readonly (keyof SchemaAttribute)[];

/**
 * The attributes /Schemas lists: the stored ones (only what round-trips, lib/scim/README.md).
 * What Roster accepts and drops (password, addresses, …) is not advertised.
 */
export function listedAttributes(attributes: readonly Attribute[]): SchemaAttribute[] {
  return attributes.filter((attribute) => attribute.stored).map(schemaAttribute);
}

function schemaAttribute(attribute: Attribute): SchemaAttribute {
  const out: Record<string, unknown> = {};
  for (const key of CHARACTERISTICS) if (attribute[key] !== undefined) out[key] = attribute[key];
  if (attribute.subAttributes) out.subAttributes = listedAttributes(attribute.subAttributes);
  return out as SchemaAttribute;
}
