import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { groupMembers, groups, members } from '@/db/schema';
import { CORE_GROUP_URN, CORE_USER_URN, ENTERPRISE_USER_URN } from './urns';

/**
 * The allow-list of filterable / sortable attributes (STYLE pattern 6, the 15five design).
 * Keys are lower-cased SCIM paths (`name.givenname`); anything not listed is 400 invalidFilter,
 * never a dropped clause (STYLE mistake 7). Case-exactness follows RFC 7643 §4.1 / §4.2.
 */
export type ScalarSpec =
  /** caseExact=false compares lower(col) with lower($1), which is what the lower() indexes hold. */
  | { type: 'string'; column: AnyPgColumn | SQL; caseExact: boolean }
  | { type: 'dateTime'; column: AnyPgColumn }
  /** Values that are not UUIDs never reach PostgreSQL (it would fail the cast). */
  | { type: 'uuid'; column: AnyPgColumn }
  /** `truth` is a never-null SQL expression that holds when the attribute is true. */
  | { type: 'boolean'; truth: SQL };

/**
 * A multi-valued attribute (RFC 7643 §2.4) stored in SQL. `scope(inner)` is true when some
 * value of the attribute matches `inner` (undefined: when any value exists).
 */
export type MultiSpec = {
  type: 'multi';
  entry: Record<string, ScalarSpec>;
  scope: (inner: SQL | undefined) => SQL;
  /**
   * A condition an index can answer that holds whenever some value equals `value` (case
   * insensitive): ANDed beside `scope` for `value eq "…"`, so lookups by one value use the
   * index instead of reading every row of the org.
   */
  valueEquals?: (value: string) => SQL;
  /** sortBy on a multi-valued attribute orders by its primary value (RFC 7644 §3.4.2.3). */
  sortKey?: SQL;
};

export type AttrSpec = ScalarSpec | MultiSpec;

export type ResourceMap = {
  resource: string;
  coreUrn: string;
  core: Record<string, AttrSpec>;
  /** Lower-cased extension URN → its attributes. */
  extensions: Record<string, Record<string, AttrSpec>>;
};

const text = (column: AnyPgColumn | SQL, caseExact = false): ScalarSpec => ({ type: 'string', column, caseExact });
const dateTime = (column: AnyPgColumn): ScalarSpec => ({ type: 'dateTime', column });
const uuidOf = (column: AnyPgColumn): ScalarSpec => ({ type: 'uuid', column });

/**
 * emails and phoneNumbers as stored: a JSON array of {value, type, primary, display} entries
 * (the primary work email is also kept in `members.email` for lookups, and is always among
 * the entries). A filter on them matches when ANY entry matches (RFC 7644 §3.4.2.2): an EXISTS
 * over the array's elements, beside a containment test on the lower-cased array that the GIN
 * index `members_<column>_values_idx` answers for `value eq` (migration 0005).
 */
function jsonMultiValued(column: AnyPgColumn, sortKey?: SQL): MultiSpec {
  const field = (name: string) => sql`(multi_value.entry ->> ${sql.raw(`'${name}'`)})`;
  return {
    type: 'multi',
    entry: {
      value: text(field('value')),
      type: text(field('type')),
      display: text(field('display')),
      primary: { type: 'boolean', truth: sql`coalesce(${field('primary')} = 'true', false)` },
    },
    scope: (inner) =>
      inner ? sql`exists (select 1 from jsonb_array_elements(${column}) as multi_value(entry) where ${inner})` : sql`jsonb_array_length(${column}) > 0`,
    valueEquals: (value) => sql`(lower(${column}::text)::jsonb @> jsonb_build_array(jsonb_build_object('value', lower(${value}::text))))`,
    ...(sortKey ? { sortKey } : {}),
  };
}

const emails = jsonMultiValued(members.emails, sql`lower(${members.email})`);
const phoneNumbers = jsonMultiValued(members.phoneNumbers);

/** Okta and Entra check membership with `members[value eq "<id>"]`: an EXISTS on the join table. */
const groupMembersSpec: MultiSpec = {
  type: 'multi',
  entry: { value: uuidOf(groupMembers.memberId) },
  scope: (inner) =>
    sql`exists (select 1 from ${groupMembers} where ${groupMembers.orgId} = ${groups.orgId} and ${groupMembers.groupId} = ${groups.id}${inner ? sql` and ${inner}` : sql``})`,
};

const manager = uuidOf(members.managerId);

export const USER_ATTRIBUTES: ResourceMap = {
  resource: 'User',
  coreUrn: CORE_USER_URN,
  core: {
    id: uuidOf(members.id),
    externalid: text(members.externalId, true),
    username: text(members.userName),
    displayname: text(members.displayName),
    'name.givenname': text(members.givenName),
    'name.familyname': text(members.familyName),
    'name.formatted': text(members.formattedName),
    title: text(members.title),
    usertype: text(members.userType),
    locale: text(members.locale),
    active: { type: 'boolean', truth: sql`${members.status} = 'active'` },
    emails,
    phonenumbers: phoneNumbers,
    'meta.created': dateTime(members.createdAt),
    'meta.lastmodified': dateTime(members.updatedAt),
  },
  extensions: {
    [ENTERPRISE_USER_URN.toLowerCase()]: {
      employeenumber: text(members.employeeNumber),
      department: text(members.department),
      costcenter: text(members.costCenter),
      organization: text(members.organization),
      division: text(members.division),
      'manager.value': manager,
      // `manager eq "<id>"` means its value, as `emails eq` means emails.value (RFC 7644 §3.4.2.2).
      manager,
    },
  },
};

export const GROUP_ATTRIBUTES: ResourceMap = {
  resource: 'Group',
  coreUrn: CORE_GROUP_URN,
  core: {
    id: uuidOf(groups.id),
    externalid: text(groups.externalId, true),
    displayname: text(groups.displayName),
    members: groupMembersSpec,
    'meta.created': dateTime(groups.createdAt),
    'meta.lastmodified': dateTime(groups.updatedAt),
  },
  extensions: {},
};
