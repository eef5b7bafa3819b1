import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { auditSummarySchemas, type AuditAction } from '@/lib/audit/audit-actions';
import { flushScimCallLog } from '@/lib/scim/call-log/call-log-batch';

/**
 * Issue 16: every audit row the tests write has the summary its action's schema declares
 * (lib/audit/audit-actions.ts). The SCIM hot path is typed at compile time and not parsed at
 * write time, so this is where a key written for the wrong action, or a value of the wrong
 * type, is caught: each test database's rows of this file are parsed before it closes.
 * One row per distinct (action, keys, scalar types, nested values) is enough: a file that wrote
 * 10,000 list rows differing only in startIndex parses one.
 */
/**
 * The actor label of rows a test writes off-schema on purpose (lib/audit/audit-row.test.ts checks
 * that an undeclared secret-looking key is still redacted): the only rows this check skips.
 */
export const OFF_SCHEMA_ON_PURPOSE = 'off-schema on purpose (redaction test)';

export async function summariesNotFittingTheirSchema(db: Db, since: Date): Promise<string[]> {
  await flushScimCallLog(db);
  const rows = resultRows(
    await db.execute(sql`
      select distinct on (action, shape) action, summary from (
        select action, summary, (select string_agg(key || ':' || case when jsonb_typeof(value) in ('object', 'array') then value::text else jsonb_typeof(value) end, ',' order by key)
          from jsonb_each(summary)) as shape
        from audit_events where occurred_at >= ${since.toISOString()}::timestamptz and actor_label is distinct from ${OFF_SCHEMA_ON_PURPOSE}
      ) as s`),
  );
  const problems: string[] = [];
  for (const row of rows) {
    const action = String(row.action);
    const summary = typeof row.summary === 'string' ? (JSON.parse(row.summary) as unknown) : row.summary;
    const schema = Object.hasOwn(auditSummarySchemas, action) ? auditSummarySchemas[action as AuditAction] : undefined;
    if (!schema) {
      problems.push(`${action}: not an action of lib/audit/audit-actions.ts`);
      continue;
    }
    const parsed = schema.safeParse(summary);
    // Key names and types only, never the values (they may be what a test checks is redacted).
    if (!parsed.success) problems.push(`${action}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  }
  return problems;
}

export async function expectAuditSummariesFitTheirSchemas(db: Db, since: Date): Promise<void> {
  const problems = await summariesNotFittingTheirSchema(db, since);
  if (problems.length > 0) throw new Error(`An audit summary does not fit its action's schema (lib/audit/audit-actions.ts):\n${problems.join('\n')}`);
}
