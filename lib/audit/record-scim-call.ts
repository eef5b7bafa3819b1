import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { TEAM_CHANNEL } from '@/lib/live/team-change-channel';
import type { AuditEventInput } from './record-audit-event';
import { redactSummary } from './redact';

// Same precision as lib/tokens/record-token-use.ts: concurrent requests of one IdP must not
// all queue on the token's row.
const TOKEN_USE_PRECISION_SECONDS = 30;

export type ScimCallRecord = AuditEventInput & {
  actor: { type: 'token'; id: string; label: string };
  /** Client address and IdP, shown in the token list. */
  use: { ip: string | null; idp: string };
  /** Tell open team pages (every instance, through PostgreSQL) that the team changed. */
  notifyTeam: boolean;
  /**
   * False for reads, whose only write is this row: its commit then does not wait for the disk
   * flush (synchronous_commit off for this one transaction). A crash can lose the last ~200 ms
   * of read rows, never a change; reads nearly double in rate (scripts/bench floor, measured).
   */
  durable: boolean;
};

/**
 * The end of every SCIM request in ONE statement: its sync-log row, the token's last use (at
 * most every 30 s) and, for changes, the team-changed notification. Run inside the change's
 * transaction it commits or rolls back with it; a request is then one round trip shorter than
 * three separate writes, which is most of a lookup's cost (measured: scripts/bench).
 */
export async function recordScimCall(db: DbOrTx, call: ScimCallRecord): Promise<void> {
  const durationMs = call.startedAt === undefined ? null : Math.round(performance.now() - call.startedAt);
  await db.execute(sql`
    with used as (
      update scim_tokens set last_used_at = now(), first_used_at = coalesce(first_used_at, now()),
        last_used_ip = ${call.use.ip}, last_used_idp = ${call.use.idp}
      where org_id = ${call.orgId}::uuid and id = ${call.actor.id}::uuid
        and (last_used_at is null or last_used_at < now() - make_interval(secs => ${TOKEN_USE_PRECISION_SECONDS}::int))
      returning 1
    ), notified as (
      select pg_notify(${TEAM_CHANNEL}, ${call.orgId}) as sent where ${call.notifyTeam}::boolean
    ), relaxed as (
      select set_config('synchronous_commit', 'off', true) as setting where not ${call.durable}::boolean
    )
    insert into audit_events (org_id, actor_type, actor_id, actor_label, action, resource_type, resource_id, status, idp, duration_ms, summary)
    select ${call.orgId}::uuid, 'token', ${call.actor.id}::uuid, ${call.actor.label}, ${call.action}, ${call.resourceType ?? null},
      ${call.resourceId ?? null}, ${call.status ?? null}::int, ${call.idp ?? null}, ${durationMs}::int, ${JSON.stringify(redactSummary(call.summary ?? {}))}::jsonb
    from (select 1) as one left join notified on true left join relaxed on true`);
}
