import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

/** Someone who can sign in. Global: one account may belong to several orgs. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id hash; null for accounts that only sign in through OIDC. */
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** For the team page's "last sign-in"; null = never signed in. */
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    lastSignInMethod: text('last_sign_in_method', { enum: ['password', 'sso', 'invite'] }),
  },
  // Unique among password accounts only: an account made by an org's SSO sign-in (no password)
  // may carry the same email as a password account without either getting the other's access.
  (t) => [
    uniqueIndex('accounts_email_uq')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.passwordHash} is not null`),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
