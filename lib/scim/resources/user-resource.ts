import type { Member, MultiValue } from '@/db/schema';
import { CORE_USER_URN, ENTERPRISE_USER_URN } from '../filter/urns';
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

/**
 * A member row as a SCIM User (RFC 7643 §4.1, §4.3). Every attribute here is listed in
 * /Schemas (discovery/user-schema.ts) and parsed back by schemas/user.ts; the round-trip test
 * in discovery keeps the three in step. `meta` carries the ETag (RFC 7644 §3.14).
 */
export function toUserResource(row: Member, baseUrl: string): ScimUserJson {
  const enterprise = compact({
    employeeNumber: row.employeeNumber,
    costCenter: row.costCenter,
    organization: row.organization,
    division: row.division,
    department: row.department,
    manager: row.managerId ? { value: row.managerId, $ref: `${baseUrl}/Users/${row.managerId}` } : null,
  });
  const hasEnterprise = Object.keys(enterprise).length > 0;
  const emails = emailsOf(row);
  return compact({
    schemas: hasEnterprise ? [CORE_USER_URN, ENTERPRISE_USER_URN] : [CORE_USER_URN],
    id: row.id,
    externalId: row.externalId,
    userName: row.userName,
    name: compact({
      formatted: row.formattedName,
      familyName: row.familyName,
      givenName: row.givenName,
      middleName: row.middleName,
    }),
    displayName: row.displayName,
    nickName: row.nickName,
    title: row.title,
    userType: row.userType,
    preferredLanguage: row.preferredLanguage,
    locale: row.locale,
    timezone: row.timezone,
    active: row.status === 'active',
    emails: emails.length ? emails : null,
    phoneNumbers: row.phoneNumbers.length ? row.phoneNumbers.map(copyEntry) : null,
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
