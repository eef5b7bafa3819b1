import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { memberRoles, members } from './members';
import { organizations } from './organizations';

/** Which SCIM-stored attribute a verified ID-token claim is compared with on a first SSO sign-in. */
export const ssoMatchAttributes = ['userName', 'email', 'externalId'] as const;
export type SsoMatchAttribute = (typeof ssoMatchAttributes)[number];

export const ssoIdps = ['entra', 'okta', 'onelogin', 'jumpcloud', 'other'] as const;
export type SsoIdp = (typeof ssoIdps)[number];

/**
 * An org's OpenID Connect single sign-on: one IdP per org.
 * The client secret is stored only encrypted (lib/sso/secret-box.ts, AES-256-GCM with a key
 * derived from AUTH_SECRET); it is never read back to the browser.
 */
export const ssoConnections = pgTable('sso_connections', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  idp: text('idp', { enum: ssoIdps }).notNull(),
  /** The issuer identifier exactly as its discovery document states it (OIDC Discovery §4.3). */
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretEncrypted: text('client_secret_encrypted').notNull(),
  /** The ID-token claim read on a first sign-in (e.g. preferred_username, email, oid, sub). */
  claim: text('claim').notNull(),
  matchAttribute: text('match_attribute', { enum: ssoMatchAttributes }).notNull(),
  /** Members may no longer use a password in this org; owners keep theirs (SECURITY.md). */
  requireSso: boolean('require_sso').notNull().default(false),
  /** Just-in-time members: off by default, the directory decides who belongs. */
  jitEnabled: boolean('jit_enabled').notNull().default(false),
  jitRole: text('jit_role', { enum: memberRoles }).notNull().default('member'),
  testedAt: timestamp('tested_at', { withTimezone: true }),
  testOk: boolean('test_ok'),
  testMessage: text('test_message'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The verified IdP identity (iss + sub, OIDC Core §2: "sub" is unique only within its issuer)
 * tied to a member by its first SSO sign-in. Deleting the member deletes the link.
 */
export const memberSsoLinks = pgTable(
  'member_sso_links',
  {
    orgId: uuid('org_id').notNull(),
    memberId: uuid('member_id').notNull(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'member_sso_links_pk', columns: [t.orgId, t.memberId] }),
    uniqueIndex('member_sso_links_org_id_issuer_subject_uq').on(t.orgId, t.issuer, t.subject),
    foreignKey({ name: 'member_sso_links_member_fk', columns: [t.orgId, t.memberId], foreignColumns: [members.orgId, members.id] }).onDelete('cascade'),
  ],
);

/**
 * One-time, short-lived proof that Roster's own OIDC callback verified someone: the Auth.js
 * "sso-ticket" credentials provider accepts it once. Only its SHA-256 is stored.
 */
export const ssoSignInTickets = pgTable(
  'sso_sign_in_tickets',
  {
    ticketHash: text('ticket_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_sign_in_tickets_expires_at_idx').on(t.expiresAt)],
);

export type SsoConnection = typeof ssoConnections.$inferSelect;
