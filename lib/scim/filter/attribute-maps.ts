import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { groupMembers, groups, members } from '@/db/schema';
import type { Attribute, ResourceTable } from '../attributes/attribute';
import { GROUP_TABLE } from '../attributes/group';
import { USER_TABLE } from '../attributes/user';

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

/**
 * The allow-list of a resource table: every `filterable` attribute (sub-attributes as
 * `name.givenname`) under its lower-cased path. A plain string or dateTime is read from its
 * column (caseExact as the table says, RFC 7643 §2.2); `special` says how the others are stored.
 */
function filterMap<Column extends string>(
  table: ResourceTable<Column>,
  columns: Record<Column, AnyPgColumn>,
  special: Record<string, AttrSpec>,
): Pick<ResourceMap, 'resource' | 'coreUrn' | 'core' | 'extensions'> {
  const specsOf = (attributes: readonly Attribute<Column>[], prefix = ''): Record<string, AttrSpec> => {
    const out: Record<string, AttrSpec> = {};
    for (const attribute of attributes) {
      const path = `${prefix}${attribute.name.toLowerCase()}`;
      const spec = attribute.filterable ? (special[path] ?? columnSpec(attribute, columns)) : undefined;
      if (spec) out[path] = spec;
      if (attribute.type === 'complex' && !attribute.multiValued) Object.assign(out, specsOf(attribute.subAttributes ?? [], `${path}.`));
      // `manager eq "<id>"` means its value, as `emails eq` means emails.value (RFC 7644 §3.4.2.2).
      if (spec && attribute.type === 'complex' && !attribute.multiValued) out[`${path}.value`] ??= spec;
    }
    return out;
  };
  return {
    resource: table.resource,
    coreUrn: table.core.urn,
    core: specsOf([...table.common, ...table.core.attributes]),
    extensions: Object.fromEntries(table.extensions.map((extension) => [extension.urn.toLowerCase(), specsOf(extension.attributes)])),
  };
}

function columnSpec<Column extends string>(attribute: Attribute<Column>, columns: Record<Column, AnyPgColumn>): ScalarSpec | undefined {
  if (attribute.column === undefined) return undefined;
  const column = columns[attribute.column];
  if (attribute.type === 'dateTime') return dateTime(column);
  if (attribute.type === 'string') return text(column, attribute.caseExact ?? false);
  return undefined;
}

/** Ids are UUIDs: a filter value that is not one matches nothing without reaching PostgreSQL. */
const manager = uuidOf(members.managerId);

export const USER_FILTER_MAP: ResourceMap = filterMap(USER_TABLE, getTableColumns(members), {
  id: uuidOf(members.id),
  active: { type: 'boolean', truth: sql`${members.status} = 'active'` },
  emails,
  phonenumbers: phoneNumbers,
  manager,
});

export const GROUP_FILTER_MAP: ResourceMap = filterMap(GROUP_TABLE, getTableColumns(groups), {
  id: uuidOf(groups.id),
  members: groupMembersSpec,
});
