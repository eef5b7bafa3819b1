import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { auditSummarySchemas, isScimAction, type AuditAction } from './audit-actions';
import { auditColumnsSql, auditValuesSql, toAuditRow, type AuditEventInput } from './audit-row';

export type { AuditEventInput } from './audit-row';

/**
 * Writes one audit row. Call it with the mutation's own transaction so the change and its
 * record commit or roll back together (docs/architecture.md pattern 4).
 *
 * A UI action's summary is checked against its action's schema here (a few a second: cheap).
 * SCIM rows are not: that path writes thousands a second and is typed at compile time instead,
 * its rows checked by the tests (audit-actions.ts).
 */
export async function recordAuditEvent<A extends AuditAction>(tx: DbOrTx, input: AuditEventInput<A>): Promise<void> {
  if (!isScimAction(input.action)) assertSummaryFits(input.action, input.summary ?? {});
  await tx.execute(sql`insert into audit_events ${auditColumnsSql()} values (${auditValuesSql(toAuditRow(input))})`);
}

function assertSummaryFits(action: AuditAction, summary: unknown): void {
  const parsed = auditSummarySchemas[action].safeParse(summary);
  // Key names and types only: zod's messages do not repeat the values.
  if (!parsed.success) throw new Error(`The audit summary of ${action} does not fit its schema: ${z.prettifyError(parsed.error)}`);
}
