import { sql, type SQL } from 'drizzle-orm';
import { auditColumnsSql, auditRecordsetColumnsSql, auditRecordsetTypesSql, type AuditRow } from '@/lib/audit/audit-row';
import { TEAM_CHANNEL } from '@/lib/live/team-change-channel';
import type { PendingCount } from './token-rate-meter';

/**
 * A sync-log row of a read, as it is inserted: lib/audit/audit-row.ts toAuditRow's row (the same
 * builder as every other audit writer), dated when the request arrived.
 */
export type ReadLogRow = AuditRow & { occurred_at: string };
export type TokenUse = { org_id: string; id: string; ip: string | null; idp: string; at: string };
export type Batch = { reads: ReadLogRow[]; uses: TokenUse[]; counts: PendingCount[]; orgsToNotify: string[] };

// Same precision as before batching: one IdP's requests must not all rewrite the token's row.
const TOKEN_USE_PRECISION_SECONDS = 30;

/**
 * Everything a batch of requests leaves behind, in ONE statement (one implicit transaction):
 * the reads' sync-log rows, the tokens' last use, the shared per-token counts (returned, so
 * each instance learns the others' counts) and one team-changed notification per org.
 * Nothing here is a change the IdP asked for, so its commit does not wait for the disk flush:
 * set_config(…, true) is SET LOCAL, this statement's transaction only. A session-level SET would
 * stay on a pooled server connection for whichever client gets it next (DATABASE_POOLER).
 */
export function flushStatement(batch: Batch): SQL {
  return sql`
    with logged as (
      insert into audit_events ${auditColumnsSql('occurred_at')}
      select ${auditRecordsetColumnsSql('r')}, r.occurred_at
      from jsonb_to_recordset(${JSON.stringify(batch.reads)}::jsonb) as r(${auditRecordsetTypesSql(['occurred_at', 'timestamptz'])})
      returning 1
    ), used as (
      update scim_tokens t set last_used_at = u.at, first_used_at = coalesce(t.first_used_at, u.at), last_used_ip = u.ip, last_used_idp = u.idp
      from jsonb_to_recordset(${JSON.stringify(batch.uses)}::jsonb) as u(org_id uuid, id uuid, ip text, idp text, at timestamptz)
      where t.org_id = u.org_id and t.id = u.id
        and (t.last_used_at is null or t.last_used_at < u.at - make_interval(secs => ${TOKEN_USE_PRECISION_SECONDS}::int))
      returning 1
    ), counted as (
      insert into rate_limits (key, window_start, count)
      select c.key, c."windowStart", c.n from jsonb_to_recordset(${JSON.stringify(batch.counts)}::jsonb) as c(key text, "windowStart" timestamptz, n int)
      on conflict (key) do update set
        count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + excluded.count else excluded.count end,
        window_start = excluded.window_start
      returning key, count
    ), notified as (
      select pg_notify(${TEAM_CHANNEL}, o.value) from jsonb_array_elements_text(${JSON.stringify(batch.orgsToNotify)}::jsonb) as o
    ), relaxed as (
      select set_config('synchronous_commit', 'off', true)
    )
    select counted.key, counted.count,
      (select count(*) from logged) as logged, (select count(*) from used) as used,
      (select count(*) from notified) as notified, (select count(*) from relaxed) as relaxed
    from (select 1) as one left join counted on true`;
}
