import { sql, type SQL } from 'drizzle-orm';
import { auditColumnsSql, auditValuesSql, toAuditRow, type AuditEventInput } from './audit-row';

/**
 * `insert into audit_events … select … from <source>`: the audit row as part of the change's
 * own statement, naming the resource the change just wrote (`resourceId`, an expression over
 * `source`). The statement is its own transaction: the row commits with the change or not at all.
 * The row is toAuditRow's, as for every other writer.
 */
export function auditInsertFrom(input: AuditEventInput, source: SQL, resourceId: SQL): SQL {
  return sql`insert into audit_events ${auditColumnsSql()}
    select ${auditValuesSql(toAuditRow(input), { resource_id: resourceId })}
    from ${source}`;
}

/**
 * auditInsertFrom with every value a named placeholder (`audit…`), for statements rendered once
 * (db/compiled-statement.ts); auditPlaceholderValues fills them with the same values.
 */
export function auditInsertPlaceholders(source: SQL, resourceId: SQL): SQL {
  const p = (name: string) => sql.placeholder(name);
  return sql`insert into audit_events ${auditColumnsSql()}
    select ${p('auditOrgId')}::uuid, ${p('auditActorType')}, ${p('auditActorId')}::uuid, ${p('auditActorLabel')}, ${p('auditAction')}, ${p('auditResourceType')},
      ${resourceId}, ${p('auditStatus')}::int, ${p('auditIdp')}, ${p('auditDurationMs')}::int, ${p('auditSummary')}::jsonb
    from ${source}`;
}

export function auditPlaceholderValues(input: AuditEventInput): Record<string, unknown> {
  // The same row every other writer inserts (audit-row.ts: one builder, summary redacted there).
  const row = toAuditRow(input);
  return {
    auditOrgId: row.org_id,
    auditActorType: row.actor_type,
    auditActorId: row.actor_id,
    auditActorLabel: row.actor_label,
    auditAction: row.action,
    auditResourceType: row.resource_type,
    auditStatus: row.status,
    auditIdp: row.idp,
    auditDurationMs: row.duration_ms,
    auditSummary: JSON.stringify(row.summary),
  };
}
