import type { Member } from '@/db/schema';
import { checkDeprovision, HELD_RETRY_AFTER_SECONDS, type DeprovisionKind } from '@/lib/policy/deprovision-guard';
import type { OperationResult, ScimContext } from '../context';
import { ScimError } from '../errors';

/**
 * Runs the deprovisioning guard for a request that would suspend or delete `current`. Null: go
 * ahead. A result: the request is held — 503 with Retry-After, the hold and its sync-log row
 * committed, the person untouched (nothing is acknowledged that was not applied).
 */
export async function gateDeprovision(ctx: ScimContext, current: Member, kind: DeprovisionKind): Promise<OperationResult | null> {
  const verdict = await checkDeprovision(ctx.tx, ctx.orgId, current.id, kind);
  return verdict.held ? heldResult(ctx, current, verdict.detail) : null;
}

/** The answer to a held request, noted for its sync-log row (the hold itself is recorded by the guard). */
export function heldResult(ctx: ScimContext, current: Member, detail: string): OperationResult {
  ctx.notes.summary.policy = 'deprovision-held';
  ctx.notes.summary.error = { detail };
  const error = new ScimError(503, undefined, detail);
  return { status: 503, body: error.toBody(), headers: { 'Retry-After': String(HELD_RETRY_AFTER_SECONDS) }, resourceId: current.id };
}

/** Does this write suspend an active person? */
export const suspends = (current: Member, fields: { active: boolean }) => current.status === 'active' && !fields.active;
