import { sql } from 'drizzle-orm';
import { compiledStatement } from '@/db/compiled-statement';
import { members, type Member } from '@/db/schema';
import type { DbOrTx, Tx } from '@/db/client';
import { mapRow } from '@/db/map-row';
import { resultRows } from '@/db/result-rows';
import { auditInsertPlaceholders, auditPlaceholderValues } from '@/lib/audit/audit-insert-sql';
import type { AuditEventInput } from '@/lib/audit/record-audit-event';
import { memberColumns, type MemberFields } from './member-fields';
import { withConstraintErrors } from './write-member';

type Columns = ReturnType<typeof memberColumns>;
/** Every column updateMember writes from MemberFields. */
const FIELD_COLUMNS = [
  'userName',
  'externalId',
  'givenName',
  'familyName',
  'middleName',
  'formattedName',
  'displayName',
  'nickName',
  'title',
  'userType',
  'locale',
  'preferredLanguage',
  'timezone',
  'employeeNumber',
  'costCenter',
  'organization',
  'division',
  'department',
  'email',
  'emails',
  'phoneNumbers',
  'managerId',
  'status',
] as const satisfies readonly (keyof Columns)[];
// A field added to MemberFields must be written here too: this fails to compile until it is.
const everyColumnListed: [Exclude<keyof Columns, (typeof FIELD_COLUMNS)[number]>] extends [never] ? true : never = true;
void everyColumnListed;

const p = (name: string) => sql.placeholder(name);

/** MemberFields as the placeholder values of FIELD_COLUMNS, encoded as Drizzle encodes them (jsonb as JSON text). */
function fieldValues(fields: MemberFields): Record<string, unknown> {
  const columns = memberColumns(fields);
  const values: Record<string, unknown> = {};
  for (const key of FIELD_COLUMNS) {
    const value = columns[key];
    values[key] = value === null ? null : members[key].mapToDriverValue(value);
  }
  return values;
}

const forUpdate = compiledStatement(
  'member_for_update',
  () => sql`select * from members where org_id = ${p('orgId')}::uuid and id = ${p('id')}::uuid for update`,
);

/** getMember(…, { forUpdate: true }) as a prepared statement: the row, locked for the transaction. */
export async function lockMember(tx: Tx, orgId: string, memberId: string): Promise<Member | null> {
  const [row] = resultRows(await forUpdate(tx, { orgId, id: memberId }));
  return row ? mapRow(members, row) : null;
}

const updateIfUnchanged = compiledStatement(
  'member_update_if_unchanged',
  () => sql`
    with m as (
      update members set ${sql.join(
        FIELD_COLUMNS.map((key) => sql`${sql.identifier(members[key].name)} = ${p(key)}`),
        sql`, `,
      )}, source = 'scim', updated_at = now(), version = version + 1
      where org_id = ${p('orgId')}::uuid and id = ${p('id')}::uuid and version = ${p('version')}::int
        and source = 'scim' and role <> 'owner' and status = ${p('readStatus')}
        -- Never wait for another transaction's row lock here: a wait could outlast the SCIM
        -- deadline, and this statement would then commit after the IdP was answered 503.
        -- A locked row takes the locked transaction path instead, which rolls back late work.
        and id = (select id from members where org_id = ${p('orgId')}::uuid and id = ${p('id')}::uuid for update skip locked)
      returning *
    ), logged as (${auditInsertPlaceholders(sql`m`, sql`m.id::text`)})
    select m.* from m`,
);

/**
 * updateMember and its sync-log row in ONE statement, with no lock held before it: the row is
 * written only if it is still as `read` left it — same version and status, SCIM-managed, not an
 * owner (the cases where the access policy has nothing to do; lib/scim/operations/users.ts).
 * The WHERE is evaluated on the row as it is when the statement locks it, so a change committed
 * since the read is never overwritten. A row another transaction holds is skipped, not waited
 * for (SKIP LOCKED), so this statement cannot outlive the request's deadline on a lock.
 * Null: the row moved, is gone or is locked; nothing was written.
 */
export async function updateMemberIfUnchanged(db: DbOrTx, orgId: string, read: Member, fields: MemberFields, audit: AuditEventInput): Promise<Member | null> {
  const values = { orgId, id: read.id, version: read.version, readStatus: read.status, ...fieldValues(fields), ...auditPlaceholderValues(audit) };
  const [row] = resultRows(await withConstraintErrors(() => updateIfUnchanged(db, values)));
  return row ? mapRow(members, row) : null;
}

const deleteWithLog = compiledStatement(
  'member_delete_audited',
  () => sql`
    with counted as (
      insert into deprovision_events (org_id, member_id) values (${p('orgId')}::uuid, ${p('id')}::uuid)
    ), unmanaged as (
      update members set manager_id = null where org_id = ${p('orgId')}::uuid and manager_id = ${p('id')}::uuid and id <> ${p('id')}::uuid
    ), d as (
      delete from members where org_id = ${p('orgId')}::uuid and id = ${p('id')}::uuid returning id
    ), logged as (${auditInsertPlaceholders(sql`d`, sql`d.id::text`)})
    select id from d`,
);

/**
 * A SCIM DELETE's writes in ONE statement, in the caller's transaction (which holds the row lock
 * and the deprovisioning guard's verdict): the deprovision counted in the guard's window
 * (lib/policy/deprovision-guard), the people the member managed left without a manager (the
 * manager key has no cascade of its own; the foreign key is checked at the statement's end,
 * after this), the row deleted — group memberships go with it (FK cascade) — and the sync-log
 * row. Returns whether a row was deleted.
 */
export async function deleteMemberAudited(tx: Tx, orgId: string, memberId: string, audit: AuditEventInput): Promise<boolean> {
  return resultRows(await deleteWithLog(tx, { orgId, id: memberId, ...auditPlaceholderValues(audit) })).length > 0;
}

// A parameter in INSERT … SELECT has no column to take its type from: each is cast to its column's.
const typed = (key: (typeof FIELD_COLUMNS)[number]) => sql`${p(key)}::${sql.raw(members[key].getSQLType())}`;

const createOrAdopt = compiledStatement(
  'member_create_scim',
  () => sql`
    with plan as (
      select coalesce(pol.default_role, 'member') as default_role,
        case when coalesce(pol.adoption_enabled, true) then (
          select a.id from members a
          where a.org_id = ${p('orgId')}::uuid and a.source <> 'scim'
            and (lower(a.user_name) = lower(${p('userName')}::text) or (${p('email')}::text is not null and lower(a.email) = lower(${p('email')}::text)))
          order by (lower(a.user_name) = lower(${p('userName')}::text)) desc, a.created_at
          limit 1
        ) end as adopt_id
      from (select 1) one left join directory_policies pol on pol.org_id = ${p('orgId')}::uuid
    ), m as (
      insert into members (org_id, source, role, ${sql.join(
        FIELD_COLUMNS.map((key) => sql.identifier(members[key].name)),
        sql`, `,
      )})
      select ${p('orgId')}::uuid, 'scim', plan.default_role, ${sql.join(FIELD_COLUMNS.map(typed), sql`, `)}
      from plan where plan.adopt_id is null
      returning *
    ), logged as (${auditInsertPlaceholders(sql`m`, sql`m.id::text`)})
    select m.*, plan.adopt_id as plan_adopt_id from plan left join m on true`,
);

/**
 * A SCIM create in ONE statement, with no BEGIN/COMMIT (SCIM creates are the bulk of an initial
 * sync): the org's default role and adoption setting are read; unless a member not yet managed by
 * SCIM matches the userName or work email (case-insensitive, this org only, a userName match
 * first; both through the (org_id, lower(…)) indexes) — then `adoptId`, nothing written — the
 * person is inserted with the default role (a new person is in no group: that is their whole
 * effective role) and the sync-log row (`audit` names no id: the new row's is filled in).
 */
export async function createScimMember(
  db: DbOrTx,
  orgId: string,
  fields: MemberFields,
  audit: AuditEventInput,
): Promise<{ row: Member; adoptId: null } | { row: null; adoptId: string }> {
  const values = fieldValues(fields);
  const [raw] = resultRows(await withConstraintErrors(() => createOrAdopt(db, { orgId, ...values, ...auditPlaceholderValues(audit) })));
  if (raw?.plan_adopt_id) return { row: null, adoptId: String(raw.plan_adopt_id) };
  if (!raw?.id) throw new Error('insert returned no row');
  return { row: mapRow(members, raw), adoptId: null };
}
