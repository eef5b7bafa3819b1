import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { organizations } from './organizations';

export const scimScopes = ['scim:manage'] as const;
export type ScimScope = (typeof scimScopes)[number];

/** A bearer token for the SCIM API. Only the SHA-256 of the secret is stored. */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull().$type<ScimScope[]>(),
    /** hex SHA-256 of the whole secret; the lookup key. */
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the secret, safe to show ("rst_Ab12"). */
    prefix: text('prefix').notNull(),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    firstUsedAt: timestamp('first_used_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedIp: text('last_used_ip'),
    lastUsedIdp: text('last_used_idp'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'scim_tokens_pk', columns: [t.orgId, t.id] }),
    uniqueIndex('scim_tokens_token_hash_uq').on(t.tokenHash),
    index('scim_tokens_org_id_created_at_idx').on(t.orgId, t.createdAt),
  ],
);

export type ScimToken = typeof scimTokens.$inferSelect;
export type NewScimToken = typeof scimTokens.$inferInsert;
