import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { compiledStatement } from '@/db/compiled-statement';
import { auditInsertPlaceholders, auditPlaceholderValues } from '@/lib/audit/audit-insert-sql';
import type { AuditEventInput } from '@/lib/audit/record-audit-event';

const insertRow = compiledStatement('scim_request_log', () => auditInsertPlaceholders(sql`(select 1) one`, sql`${sql.placeholder('auditResourceId')}`));

/**
 * A SCIM request's sync-log row, as recordAuditEvent writes it (the same columns and values),
 * through a prepared statement: every change in a transaction and every failure writes one
 * (db/compiled-statement.ts: one round trip instead of two).
 */
export async function recordRequest(db: DbOrTx, input: AuditEventInput): Promise<void> {
  await insertRow(db, { ...auditPlaceholderValues(input), auditResourceId: input.resourceId ?? null });
}
