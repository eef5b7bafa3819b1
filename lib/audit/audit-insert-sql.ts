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

/**
 * auditInsertFrom with every value a named placeholder (`audit…`), for statements rendered once
 * (db/compiled-statement.ts); auditPlaceholderValues fills them with the same values.
 */
export function auditInsertPlaceholders(source: SQL, resourceId: SQL): SQL {
  const p = (name: string) => sql.placeholder(name);
  return sql`insert into audit_events (org_id, actor_type, actor_id, actor_label, action, resource_type, resource_id, status, idp, duration_ms, summary)
    select ${p('auditOrgId')}::uuid, ${p('auditActorType')}, ${p('auditActorId')}::uuid, ${p('auditActorLabel')}, ${p('auditAction')}, ${p('auditResourceType')},
      ${resourceId}, ${p('auditStatus')}::int, ${p('auditIdp')}, ${p('auditDurationMs')}::int, ${p('auditSummary')}::jsonb
    from ${source}`;
}

export function auditPlaceholderValues(input: AuditEventInput): Record<string, unknown> {
  return {
    auditOrgId: input.orgId,
    auditActorType: input.actor.type,
    auditActorId: input.actor.id ?? null,
    auditActorLabel: input.actor.label,
    auditAction: input.action,
    auditResourceType: input.resourceType ?? null,
    auditStatus: input.status ?? null,
    auditIdp: input.idp ?? null,
    auditDurationMs: input.startedAt === undefined ? null : Math.round(performance.now() - input.startedAt),
    auditSummary: JSON.stringify(redactSummary(input.summary ?? {})),
  };
}
