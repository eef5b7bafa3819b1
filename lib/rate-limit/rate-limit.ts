import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { resultRows } from '@/db/result-rows';

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitOutcome = { allowed: boolean; count: number; retryAfterSeconds: number };

const WINDOW_START = (windowSeconds: number) => sql`to_timestamp(floor(extract(epoch from clock_timestamp()) / ${windowSeconds}::int) * ${windowSeconds}::int)`;

/**
 * Counts one hit on `key` in the current fixed window, in ONE statement, and says whether the
 * key is still within its limit. Run outside the request's transaction, so a rollback does not
 * undo the count.
 */
export async function hitRateLimit(db: DbOrTx, key: string, rule: RateLimitRule): Promise<RateLimitOutcome> {
  const rows = await db.execute(rateHitStatement(sql`select ${key}::text`, rule));
  return rateOutcome(resultRows(rows)[0], rule);
}

/**
 * The counting upsert for the keys a query yields, returning `count` and `remaining` (seconds
 * left in the window). Exported so a caller can fold the count into a query it runs anyway.
 */
export function rateHitStatement(keys: SQL, rule: RateLimitRule): SQL {
  return sql`
    insert into rate_limits (key, window_start, count)
    select k.key, ${WINDOW_START(rule.windowSeconds)}, 1 from (${keys}) as k(key)
    on conflict (key) do update set
      count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
      window_start = excluded.window_start
    returning count, extract(epoch from (window_start + make_interval(secs => ${rule.windowSeconds}::int) - clock_timestamp()))::float8 as remaining`;
}

/** The key's count in the current window, without counting a hit. */
export async function peekRateLimit(db: DbOrTx, key: string, rule: RateLimitRule): Promise<RateLimitOutcome> {
  const rows = await db.execute(sql`
    select count, extract(epoch from (window_start + make_interval(secs => ${rule.windowSeconds}::int) - clock_timestamp()))::float8 as remaining
    from rate_limits where key = ${key} and window_start = ${WINDOW_START(rule.windowSeconds)}`);
  const row = resultRows(rows)[0];
  return row ? rateOutcome(row, rule) : { allowed: true, count: 0, retryAfterSeconds: 0 };
}

export function rateOutcome(row: Record<string, unknown> | undefined, rule: RateLimitRule): RateLimitOutcome {
  const count = Number(row?.count ?? 0);
  // Retry-After must be a whole number of seconds (Okta parses it as an integer), at least 1.
  const retryAfterSeconds = Math.max(1, Math.ceil(Number(row?.remaining ?? rule.windowSeconds)));
  return { allowed: count <= rule.limit, count, retryAfterSeconds };
}
