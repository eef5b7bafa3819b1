import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

export const actorTypes = ['token', 'account', 'system'] as const;
export type ActorType = (typeof actorTypes)[number];

/**
 * Every mutation and every SCIM call. The sync log is the rows whose action starts "scim.".
 * WARNING: `summary` is JSON shaped by lib/audit/audit-actions.ts; changing it needs a migration
 * of old rows or readers that accept both shapes. It never holds a token or a password.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    id: uuid('id').notNull().defaultRandom(),
    actorType: text('actor_type', { enum: actorTypes }).notNull(),
    /** Token id or account id; no foreign key so the log outlives what it names. */
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    /** HTTP status for SCIM calls; null for UI actions. */
    status: integer('status'),
    idp: text('idp'),
    durationMs: integer('duration_ms'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ name: 'audit_events_pk', columns: [t.orgId, t.occurredAt, t.id] }),
    // The sync log pages by (occurred_at, id) within a filter: each index ends in that order.
    index('audit_events_org_id_action_occurred_at_id_idx').on(t.orgId, t.action, t.occurredAt, t.id),
    // Failures only: the "failed" filter, the card's 24 h error count and its latest failure.
    index('audit_events_org_id_failures_idx')
      .on(t.orgId, t.occurredAt, t.id)
      .where(sql`${t.status} >= 400`),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
