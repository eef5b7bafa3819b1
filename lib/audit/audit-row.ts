import { sql, type SQL } from 'drizzle-orm';
import type { ActorType } from '@/db/schema/audit-events';
import type { AuditAction, AuditActor, AuditSummary } from './audit-actions';
import { redactSummary } from './redact';

/** What a writer says about one audited event; `summary` is typed by the action. */
export type AuditEventInput<A extends AuditAction = AuditAction> = {
  orgId: string;
  action: A;
  actor: AuditActor;
  resourceType?: string;
  resourceId?: string | null;
  status?: number;
  idp?: string;
  /** When the request started (performance.now()); the duration is measured up to the row's building. */
  startedAt?: number;
  summary?: AuditSummary<A>;
};

/**
 * The column values of one audit_events row, as every writer inserts them (occurred_at and id
 * are the database's defaults, except for the batched reads: call-log/flush-statement.ts).
 */
export type AuditRow = {
  org_id: string;
  actor_type: ActorType;
  actor_id: string | null;
  actor_label: string;
  action: AuditAction;
  resource_type: string | null;
  resource_id: string | null;
  status: number | null;
  idp: string | null;
  duration_ms: number | null;
  summary: Record<string, unknown>;
};

/** Each column with its PostgreSQL type, in insert order: the one list the three writers share. */
export const auditColumnTypes = {
  org_id: 'uuid',
  actor_type: 'text',
  actor_id: 'uuid',
  actor_label: 'text',
  action: 'text',
  resource_type: 'text',
  resource_id: 'text',
  status: 'int',
  idp: 'text',
  duration_ms: 'int',
  summary: 'jsonb',
} as const satisfies Record<keyof AuditRow, string>;

const columnNames = Object.keys(auditColumnTypes) as (keyof AuditRow)[];

/**
 * The one row builder: record-audit-event.ts, audit-insert-sql.ts and the batched reads'
 * flush-statement.ts all insert what this returns, so they cannot drift. The summary is
 * redacted here (redact.ts), whatever the writer.
 */
export function toAuditRow<A extends AuditAction>(input: AuditEventInput<A>): AuditRow {
  return {
    org_id: input.orgId,
    actor_type: input.actor.type,
    actor_id: input.actor.id ?? null,
    actor_label: input.actor.label,
    action: input.action,
    resource_type: input.resourceType ?? null,
    resource_id: input.resourceId ?? null,
    status: input.status ?? null,
    idp: input.idp ?? null,
    duration_ms: input.startedAt === undefined ? null : Math.round(performance.now() - input.startedAt),
    summary: redactSummary(input.summary ?? {}),
  };
}

/** `(org_id, actor_type, …)`, optionally with more columns after the shared ones. */
export function auditColumnsSql(...more: string[]): SQL {
  return sql.raw(`(${[...columnNames, ...more].join(', ')})`);
}

/** The row's values as typed parameters, in column order; `replace` puts an expression in a column's place. */
export function auditValuesSql(row: AuditRow, replace: Partial<Record<keyof AuditRow, SQL>> = {}): SQL {
  return sql.join(
    columnNames.map((name) => {
      const expression = replace[name];
      if (expression) return expression;
      const value = name === 'summary' ? JSON.stringify(row.summary) : row[name];
      return sql`${value}::${sql.raw(auditColumnTypes[name])}`;
    }),
    sql`, `,
  );
}

/** `r.org_id, r.actor_type, …`: the shared columns read from a recordset alias. */
export function auditRecordsetColumnsSql(alias: string): SQL {
  return sql.raw(columnNames.map((name) => `${alias}.${name}`).join(', '));
}

/** `org_id uuid, actor_type text, …`: the column definition list of jsonb_to_recordset. */
export function auditRecordsetTypesSql(...more: [string, string][]): SQL {
  return sql.raw([...columnNames.map((name) => `${name} ${auditColumnTypes[name]}`), ...more.map(([name, type]) => `${name} ${type}`)].join(', '));
}
