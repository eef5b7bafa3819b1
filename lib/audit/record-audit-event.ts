import { auditEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { AuditAction, AuditActor } from './audit-actions';
import { redactSummary } from './redact';

export type AuditEventInput = {
  orgId: string;
  action: AuditAction;
  actor: AuditActor;
  resourceType?: string;
  resourceId?: string | null;
  status?: number;
  idp?: string;
  /** When the request started; the duration is measured up to this write. */
  startedAt?: number;
  summary?: Record<string, unknown>;
};

/**
 * Writes one audit row. Call it with the mutation's own transaction so the change and its
 * record commit or roll back together (docs/architecture.md pattern 4).
 */
export async function recordAuditEvent(tx: DbOrTx, input: AuditEventInput): Promise<void> {
  await tx.insert(auditEvents).values({
    orgId: input.orgId,
    action: input.action,
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    actorLabel: input.actor.label,
    resourceType: input.resourceType ?? null,
    resourceId: input.resourceId ?? null,
    status: input.status ?? null,
    idp: input.idp ?? null,
    durationMs: input.startedAt === undefined ? null : Math.round(performance.now() - input.startedAt),
    summary: redactSummary(input.summary ?? {}),
  });
}
