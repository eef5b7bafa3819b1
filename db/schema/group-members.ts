import { foreignKey, index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { groups } from './groups';
import { members } from './members';

/**
 * Group membership. Changed only with set-based SQL (insert … on conflict do nothing,
 * delete … where member_id = any(…)): groups can hold 100,000 members.
 * Both foreign keys carry org_id, so the database refuses a membership across orgs.
 */
export const groupMembers = pgTable(
  'group_members',
  {
    orgId: uuid('org_id').notNull(),
    groupId: uuid('group_id').notNull(),
    memberId: uuid('member_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'group_members_pk', columns: [t.orgId, t.groupId, t.memberId] }),
    index('group_members_org_id_member_id_idx').on(t.orgId, t.memberId),
    foreignKey({
      name: 'group_members_group_fk',
      columns: [t.orgId, t.groupId],
      foreignColumns: [groups.orgId, groups.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'group_members_member_fk',
      columns: [t.orgId, t.memberId],
      foreignColumns: [members.orgId, members.id],
    }).onDelete('cascade'),
  ],
);

export type GroupMember = typeof groupMembers.$inferSelect;
