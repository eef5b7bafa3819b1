import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { compiledStatement } from '@/db/compiled-statement';
import { resultRows } from '@/db/result-rows';
import { PolicyError } from './owner-guard';

export type DeprovisionKind = 'suspend' | 'delete';

/** How long the IdP is asked to wait before retrying a held request (Retry-After, seconds). */
export const HELD_RETRY_AFTER_SECONDS = 300;
/** The guard's rolling window. */
export const GUARD_WINDOW = '1 hour';

export type GuardVerdict = { held: false } | { held: true; detail: string };

/** What the guard decides on, read after its lock (lockDeprovisions). */
export type GuardState = { enabled: boolean; threshold: number; recent: number; ownHold: string | null; burstHeld: boolean };

const org = sql.placeholder('orgId');
const member = sql.placeholder('memberId');

const guardLock = compiledStatement('guard_lock', () => sql`select pg_advisory_xact_lock(hashtextextended(${sql.placeholder('key')}, 0))`);

// The default threshold is 20 % of the org's active people, but the decision only needs to know
// whether `recent` reaches it: counting at most 5 × recent + 5 of them decides the same (beyond
// that bound 20 % exceeds recent), so a DELETE in a 100,000-person org no longer counts them all
// under the lock. When a hold is in force the exact count is taken, for the message.
const guardState = compiledStatement(
  'guard_state',
  () => sql`
    with s as (
      select coalesce(p.guard_enabled, true) as enabled, p.guard_threshold as fixed,
        (select count(*) from deprovision_events e where e.org_id = ${org}::uuid and e.occurred_at > now() - ${GUARD_WINDOW}::interval)::int as recent,
        (select h.state from held_deprovisions h where h.org_id = ${org}::uuid and h.member_id = ${member}::uuid) as own_hold,
        exists (select 1 from held_deprovisions h where h.org_id = ${org}::uuid and h.state = 'held') as burst_held
      from (select 1) one left join directory_policies p on p.org_id = ${org}::uuid
    )
    select s.enabled, s.recent, s.own_hold, s.burst_held,
      coalesce(s.fixed, greatest(10, floor(0.2 * (
        select count(*) from (
          select 1 from members where org_id = ${org}::uuid and status = 'active'
          limit case when s.own_hold = 'held' or s.burst_held then null when s.enabled then 5 * s.recent + 5 else 0 end
        ) active))))::int as threshold
    from s`,
);

const countStatement = compiledStatement('guard_count', () => sql`insert into deprovision_events (org_id, member_id) values (${org}::uuid, ${member}::uuid)`);

/**
 * Serialises the org's deprovisions for the rest of the transaction, so parallel deletes crossing
 * the threshold apply at most the threshold. Taken after the person's row lock and before the
 * owner rule's lock (lib/policy/owner-guard), always.
 */
export async function lockDeprovisions(tx: Tx, orgId: string): Promise<void> {
  await guardLock(tx, { key: `roster.deprovision:${orgId}` });
}

/** The guard's inputs; read it after lockDeprovisions (a statement of its own: it sees what the lock waited for). */
export async function readGuardState(tx: DbOrTx, orgId: string, memberId: string): Promise<GuardState> {
  const [row] = resultRows(await guardState(tx, { orgId, memberId }));
  if (!row) throw new Error('guard state query returned no row');
  return {
    enabled: row.enabled === true,
    threshold: Number(row.threshold),
    recent: Number(row.recent),
    ownHold: (row.own_hold as string | null) ?? null,
    burstHeld: row.burst_held === true,
  };
}

/**
 * The guard's decision on `state`: a person the owner chose to keep is refused (PolicyError,
 * 409); a request over the threshold, or while anything is held, is held (recorded here). Not
 * held: the caller counts the deprovision (countDeprovision) with the change, in its transaction.
 */
export async function decideDeprovision(tx: Tx, orgId: string, memberId: string, kind: DeprovisionKind, state: GuardState): Promise<GuardVerdict> {
  if (state.ownHold === 'kept') {
    throw new PolicyError(
      'deprovision-kept',
      'Refused: an owner chose to keep this person after a mass deprovisioning was held. An owner can release them under Security → Directory Sync → Held deprovisions; then this request succeeds on retry.',
    );
  }
  if (state.enabled && (state.ownHold === 'held' || state.burstHeld || state.recent >= state.threshold)) {
    await tx.execute(sql`
      insert into held_deprovisions (org_id, member_id, kind) values (${orgId}::uuid, ${memberId}::uuid, ${kind})
      on conflict (org_id, member_id) do update set requests = held_deprovisions.requests + 1, last_requested_at = now(),
        kind = case when excluded.kind = 'delete' then 'delete' else held_deprovisions.kind end`);
    return {
      held: true,
      detail: `Held for the owner's approval: more than ${state.threshold} people deprovisioned within an hour (the deprovisioning guard). Nothing was changed. An owner can Allow or Keep them under Security → Directory Sync; retry after that.`,
    };
  }
  return { held: false };
}

/** Counts one applied deprovision in the guard's window. */
export async function countDeprovision(tx: Tx, orgId: string, memberId: string): Promise<void> {
  await countStatement(tx, { orgId, memberId });
}

/**
 * The deprovisioning guard (DESIGN.md "Access policy"): more suspends/deletes in a rolling hour
 * than the threshold — default max(10, 20 % of active members) — are held for the owner instead
 * of applied. While anything is held, every further deprovision is held too (the burst stays
 * together for one decision). A person the owner chose to keep is refused (PolicyError, 409).
 *
 * Serialised per org (lockDeprovisions). When not held, the deprovision is counted; the caller
 * then applies it in the same transaction.
 */
export async function checkDeprovision(tx: Tx, orgId: string, memberId: string, kind: DeprovisionKind): Promise<GuardVerdict> {
  await lockDeprovisions(tx, orgId);
  const verdict = await decideDeprovision(tx, orgId, memberId, kind, await readGuardState(tx, orgId, memberId));
  if (!verdict.held) await countDeprovision(tx, orgId, memberId);
  return verdict;
}
