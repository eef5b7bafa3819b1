import type { Member, MultiValue } from '@/db/schema';
import type { Attribute } from '../attributes/attribute';
import { USER_TABLE } from '../attributes/user';
import { CORE_USER_URN, ENTERPRISE_USER_URN } from '../urns';
import { etagFor } from './etag';

/** A resource in SCIM wire shape; enterprise attributes under the ENTERPRISE_USER_URN key. */
export type ScimResourceJson = Record<string, unknown>;
export type ScimUserJson = ScimResourceJson;

/** Drops null, undefined and empty objects: unassigned attributes are not returned (RFC 7643 §2.5). */
export function compact(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out;
}

type UserAttribute = Attribute<keyof Member>;
const ENTERPRISE = USER_TABLE.extensions.find((extension) => extension.urn === ENTERPRISE_USER_URN)?.attributes ?? [];
/** Stored attributes whose value is not one column's text (attributes/user.ts). */
const DERIVED: Record<string, (row: Member, baseUrl: string) => unknown> = {
  active: (row) => row.status === 'active',
  emails: (row) => nonEmpty(emailsOf(row)),
  phoneNumbers: (row) => nonEmpty(row.phoneNumbers.map(copyEntry)),
  manager: (row, baseUrl) => (row.managerId ? { value: row.managerId, $ref: `${baseUrl}/Users/${row.managerId}` } : null),
};

/**
 * A member row as a SCIM User (RFC 7643 §4.1, §4.3): the stored attributes of the table, in its
 * order, each from its column. /Schemas (discovery/) and the parser (schemas/user.ts) come from
 * the same table; the round-trip test in discovery keeps the three in step. `meta` carries the
 * ETag (RFC 7644 §3.14).
 */
export function toUserResource(row: Member, baseUrl: string): ScimUserJson {
  const enterprise = valuesOf(ENTERPRISE, row, baseUrl);
  const hasEnterprise = Object.keys(enterprise).length > 0;
  return compact({
    schemas: hasEnterprise ? [CORE_USER_URN, ENTERPRISE_USER_URN] : [CORE_USER_URN],
    id: row.id,
    externalId: row.externalId,
    ...valuesOf(USER_TABLE.core.attributes, row, baseUrl),
    [ENTERPRISE_USER_URN]: hasEnterprise ? enterprise : null,
    meta: {
      resourceType: 'User',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
      version: etagFor(row.version),
    },
  });
}

function valuesOf(attributes: readonly UserAttribute[], row: Member, baseUrl: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const attribute of attributes) {
    if (!attribute.stored) continue;
    const derived = DERIVED[attribute.name];
    if (derived) out[attribute.name] = derived(row, baseUrl);
    else if (attribute.type === 'complex') out[attribute.name] = valuesOf(attribute.subAttributes ?? [], row, baseUrl);
    else if (attribute.column) out[attribute.name] = row[attribute.column];
  }
  return compact(out);
}

const nonEmpty = <T>(list: T[]): T[] | null => (list.length ? list : null);

/**
 * `emails` as stored, with the `email` column guaranteed among them. Every writer keeps it in the
 * list (migration 0005 put it there for older rows), and filters read the list
 * (filter/attribute-maps.ts); should a row still lack it, it is returned as the primary work email.
 */
function emailsOf(row: Member): MultiValue[] {
  const emails = row.emails.map(copyEntry);
  if (!row.email) return emails;
  const email = row.email.toLowerCase();
  if (emails.some((entry) => entry.value.toLowerCase() === email)) return emails;
  const others = emails.map((entry) => {
    const copy = { ...entry };
    delete copy.primary;
    return copy;
  });
  return [{ value: row.email, type: 'work', primary: true }, ...others];
}

/** Only the RFC 7643 §2.4 sub-attributes Roster stores, whatever else the JSON column holds. */
function copyEntry(entry: MultiValue): MultiValue {
  const out: MultiValue = { value: entry.value };
  if (entry.type !== undefined) out.type = entry.type;
  if (entry.primary !== undefined) out.primary = entry.primary;
  if (entry.display !== undefined) out.display = entry.display;
  return out;
}
