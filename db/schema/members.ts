import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { organizations } from './organizations';

export const memberRoles = ['owner', 'admin', 'member'] as const;
export const memberStatuses = ['active', 'suspended'] as const;
export const memberSources = ['scim', 'manual'] as const;
export type MemberRole = (typeof memberRoles)[number];
export type MemberStatus = (typeof memberStatuses)[number];
export type MemberSource = (typeof memberSources)[number];

/** One SCIM multi-valued entry (emails, phoneNumbers) as stored: RFC 7643 §2.4 sub-attributes. */
export type MultiValue = { value: string; type?: string; primary?: boolean; display?: string };

/**
 * A person on an org's team: the SCIM User.
 * WARNING: `emails` and `phone_numbers` are JSON; changing their shape needs a data migration.
 */
export const members = pgTable(
  'members',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** Set only through a verified identity (invite, org OIDC, sign-up), never by matching emails. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /**
     * The effective role: the highest of `grantedRole`, the org's default role (SCIM-managed
     * people) and the roles mapped to the person's groups. Written only by lib/policy/recompute-roles.
     */
    role: text('role', { enum: memberRoles }).notNull().default('member'),
    /** The role an owner granted by hand (or the sign-up owner's); the floor of `role`. */
    grantedRole: text('granted_role', { enum: memberRoles }).notNull().default('member'),
    status: text('status', { enum: memberStatuses }).notNull().default('active'),
    source: text('source', { enum: memberSources }).notNull().default('manual'),
    externalId: text('external_id'),
    userName: text('user_name').notNull(),
    givenName: text('given_name'),
    familyName: text('family_name'),
    middleName: text('middle_name'),
    formattedName: text('formatted_name'),
    displayName: text('display_name'),
    nickName: text('nick_name'),
    /** The primary work email, kept in its own column so lookups by email use an index. */
    email: text('email'),
    emails: jsonb('emails').$type<MultiValue[]>().notNull().default([]),
    phoneNumbers: jsonb('phone_numbers').$type<MultiValue[]>().notNull().default([]),
    title: text('title'),
    userType: text('user_type'),
    locale: text('locale'),
    preferredLanguage: text('preferred_language'),
    timezone: text('timezone'),
    employeeNumber: text('employee_number'),
    costCenter: text('cost_center'),
    organization: text('organization'),
    division: text('division'),
    department: text('department'),
    managerId: uuid('manager_id'),
    /** SHA-256 of a pending invite link's secret; the link is how a member gets an account. */
    inviteTokenHash: text('invite_token_hash'),
    inviteExpiresAt: timestamp('invite_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Bumped on every change; the SCIM ETag is W/"<version>". */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'members_pk', columns: [t.orgId, t.id] }),
    uniqueIndex('members_org_id_user_name_uq').on(t.orgId, sql`lower(${t.userName})`),
    index('members_org_id_external_id_idx').on(t.orgId, t.externalId),
    index('members_org_id_email_idx').on(t.orgId, sql`lower(${t.email})`),
    index('members_org_id_created_at_id_idx').on(t.orgId, t.createdAt, t.id),
    index('members_account_id_idx').on(t.accountId),
    // The manager foreign key's reverse lookup: without it every DELETE scanned the whole org
    // (65 ms of a 66 ms delete at 100,000 members; 0.8 ms with it).
    index('members_org_id_manager_id_idx')
      .on(t.orgId, t.managerId)
      .where(sql`${t.managerId} is not null`),
    // SCIM filters on emails / phoneNumbers match any entry (RFC 7644 §3.4.2.2); `value eq`
    // lookups test containment in the lower-cased array, which these answer (lib/scim/filter).
    index('members_emails_values_idx').using('gin', sql`(lower(${t.emails}::text)::jsonb) jsonb_path_ops`),
    index('members_phone_numbers_values_idx').using('gin', sql`(lower(${t.phoneNumbers}::text)::jsonb) jsonb_path_ops`),
    // The org's owners, for the last-owner checks (lib/policy/owner-guard). The predicate names
    // role only: a column in a predicate makes its updates non-HOT, and suspends (status) are
    // frequent while role changes are not.
    index('members_org_id_owners_idx')
      .on(t.orgId)
      .where(sql`${t.role} = 'owner'`),
    uniqueIndex('members_org_id_account_id_uq').on(t.orgId, t.accountId),
    uniqueIndex('members_invite_token_hash_uq').on(t.inviteTokenHash),
    // A manager is another member of the same org; the key carries org_id so it cannot cross orgs.
    foreignKey({
      name: 'members_manager_fk',
      columns: [t.orgId, t.managerId],
      foreignColumns: [t.orgId, t.id],
    }).onDelete('no action'),
  ],
);

export type Member = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
