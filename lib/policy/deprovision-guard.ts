import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { PolicyError } from './owner-guard';

export type DeprovisionKind = 'suspend' | 'delete';

/** How long the IdP is asked to wait before retrying a held request (Retry-After, seconds). */
export const HELD_RETRY_AFTER_SECONDS = 300;
/** The guard's rolling window. */
export const GUARD_WINDOW = '1 hour';

export type GuardVerdict = { held: false } | { held: true; detail: string };

/**
 * The deprovisioning guard (DESIGN.md "Access policy"): more suspends/deletes in a rolling hour
 * than the threshold — default max(10, 20 % of active members) — are held for the owner instead
 * of applied. While anything is held, every further deprovision is held too (the burst stays
 * together for one decision). A person the owner chose to keep is refused (PolicyError, 409).
 *
 * Serialised per org (advisory lock), so parallel deletes crossing the threshold apply at most
 * the threshold. Takes the lock before the owner rule's (lib/policy/owner-guard), always.
 * When not held, the deprovision is counted; the caller then applies it in the same transaction.
 */
export async function checkDeprovision(tx: Tx, orgId: string, memberId: string, kind: DeprovisionKind): Promise<GuardVerdict> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`roster.deprovision:${orgId}`}, 0))`);
  const [state] = resultRows(
    await tx.execute(sql`
      select coalesce(p.guard_enabled, true) as enabled,
        coalesce(p.guard_threshold,
          greatest(10, floor(0.2 * (select count(*) from members where org_id = ${orgId}::uuid and status = 'active'))))::int as threshold,
        (select count(*) from deprovision_events e where e.org_id = ${orgId}::uuid and e.occurred_at > now() - ${GUARD_WINDOW}::interval)::int as recent,
        (select h.state from held_deprovisions h where h.org_id = ${orgId}::uuid and h.member_id = ${memberId}::uuid) as own_hold,
        exists (select 1 from held_deprovisions h where h.org_id = ${orgId}::uuid and h.state = 'held') as burst_held
      from (select 1) one left join directory_policies p on p.org_id = ${orgId}::uuid`),
  );
  if (!state) throw new Error('guard state query returned no row');
  if (state.own_hold === 'kept') {
    throw new PolicyError(
      'deprovision-kept',
      'Refused: an owner chose to keep this person after a mass deprovisioning was held. ' +
        'An owner can release them under Security → Directory Sync → Held deprovisions; then this request succeeds on retry.',
    );
  }
  if (state.enabled === true) {
    const threshold = Number(state.threshold);
    const recent = Number(state.recent);
    if (state.own_hold === 'held' || state.burst_held === true || recent >= threshold) {
      await tx.execute(sql`
        insert into held_deprovisions (org_id, member_id, kind) values (${orgId}::uuid, ${memberId}::uuid, ${kind})
        on conflict (org_id, member_id) do update set requests = held_deprovisions.requests + 1, last_requested_at = now(),
          kind = case when excluded.kind = 'delete' then 'delete' else held_deprovisions.kind end`);
      return {
        held: true,
        detail:
          `Held for the owner's approval: more than ${threshold} people deprovisioned within an hour (the deprovisioning guard). Nothing was changed. ` +
          'An owner can Allow or Keep them under Security → Directory Sync; retry after that.',
      };
    }
  }
  await tx.execute(sql`insert into deprovision_events (org_id, member_id) values (${orgId}::uuid, ${memberId}::uuid)`);
  return { held: false };
}
