import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { groups } from './groups';
import { memberRoles, members } from './members';
import { organizations } from './organizations';

/**
 * What an org's owners decide about directory sync (DESIGN.md "Access policy"). No row means
 * the defaults below; the row is written the first time an owner changes one.
 */
export const directoryPolicies = pgTable('directory_policies', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  /** The role every SCIM-provisioned person has at least. */
  defaultRole: text('default_role', { enum: memberRoles }).notNull().default('member'),
  /** A SCIM create matching a hand-added member adopts that member instead of a 409. */
  adoptionEnabled: boolean('adoption_enabled').notNull().default(true),
  /** The deprovisioning guard holds suspends/deletes beyond the threshold in a rolling hour. */
  guardEnabled: boolean('guard_enabled').notNull().default(true),
  /** Deprovisions allowed per rolling hour; null = max(10, 20 % of active members). */
  guardThreshold: integer('guard_threshold'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * IdP group → Roster role. Keyed by the group's id, so a rename keeps the mapping and a delete
 * removes it (FK cascade; the roles are recomputed in the delete's transaction).
 */
export const roleMappings = pgTable(
  'role_mappings',
  {
    orgId: uuid('org_id').notNull(),
    groupId: uuid('group_id').notNull(),
    role: text('role', { enum: memberRoles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'role_mappings_pk', columns: [t.orgId, t.groupId] }),
    foreignKey({ name: 'role_mappings_group_fk', columns: [t.orgId, t.groupId], foreignColumns: [groups.orgId, groups.id] }).onDelete('cascade'),
  ],
);

export const heldDeprovisionKinds = ['suspend', 'delete'] as const;
export const heldDeprovisionStates = ['held', 'kept'] as const;

/**
 * Deprovisions the guard refused: `held` waits for the owner's Allow; `kept` was refused by the
 * owner and keeps refusing until released. The member row is untouched while a row is here.
 */
export const heldDeprovisions = pgTable(
  'held_deprovisions',
  {
    orgId: uuid('org_id').notNull(),
    memberId: uuid('member_id').notNull(),
    kind: text('kind', { enum: heldDeprovisionKinds }).notNull(),
    state: text('state', { enum: heldDeprovisionStates }).notNull().default('held'),
    requests: integer('requests').notNull().default(1),
    firstRequestedAt: timestamp('first_requested_at', { withTimezone: true }).notNull().defaultNow(),
    lastRequestedAt: timestamp('last_requested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'held_deprovisions_pk', columns: [t.orgId, t.memberId] }),
    foreignKey({ name: 'held_deprovisions_member_fk', columns: [t.orgId, t.memberId], foreignColumns: [members.orgId, members.id] }).onDelete('cascade'),
  ],
);

/** Applied deprovisions, counted by the guard over its rolling hour. */
export const deprovisionEvents = pgTable(
  'deprovision_events',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    memberId: uuid('member_id').notNull(),
  },
  (t) => [index('deprovision_events_org_id_occurred_at_idx').on(t.orgId, t.occurredAt)],
);

export type DirectoryPolicy = typeof directoryPolicies.$inferSelect;
export type RoleMapping = typeof roleMappings.$inferSelect;
export type HeldDeprovision = typeof heldDeprovisions.$inferSelect;
