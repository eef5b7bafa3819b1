import { sql, type SQL } from 'drizzle-orm';
import type { AuditEventInput } from './record-audit-event';
import { redactSummary } from './redact';

/**
 * `insert into audit_events … select … from <source>`: the audit row as part of the change's
 * own statement, naming the resource the change just wrote (`resourceId`, an expression over
 * `source`). The statement is its own transaction: the row commits with the change or not at all.
 */
export function auditInsertFrom(input: AuditEventInput, source: SQL, resourceId: SQL): SQL {
  const durationMs = input.startedAt === undefined ? null : Math.round(performance.now() - input.startedAt);
  return sql`insert into audit_events (org_id, actor_type, actor_id, actor_label, action, resource_type, resource_id, status, idp, duration_ms, summary)
    select ${input.orgId}::uuid, ${input.actor.type}, ${input.actor.id ?? null}::uuid, ${input.actor.label}, ${input.action}, ${input.resourceType ?? null},
      ${resourceId}, ${input.status ?? null}::int, ${input.idp ?? null}, ${durationMs}::int, ${JSON.stringify(redactSummary(input.summary ?? {}))}::jsonb
    from ${source}`;
}
