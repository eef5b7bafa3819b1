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
