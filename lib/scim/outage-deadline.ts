import type { Db } from '@/db/client';

/**
 * While the database is known to be unreachable, a SCIM request gets a short deadline: the IdP
 * must hear 503 + Retry-After within ~2 s (issue 14), not wait out the usual 10 s while a
 * query waits on a connection that cannot come (a black-holed host waits the connect timeout).
 *
 * "Known" = a request on this database failed as unavailable within the last few seconds; the
 * first request that gets through clears it. Per database handle, per process: it is the
 * process's own view of its connection, nothing another instance needs.
 */
export const OUTAGE_DEADLINE_MS = 1500;
const REMEMBER_MS = 5000;
const unavailableUntil = new WeakMap<Db, number>();

export function noteDatabaseUnavailable(db: Db): void {
  unavailableUntil.set(db, Date.now() + REMEMBER_MS);
}

export function noteDatabaseAnswered(db: Db): void {
  unavailableUntil.delete(db);
}

export function deadlineFor(db: Db, normalMs: number): number {
  const until = unavailableUntil.get(db);
  return until !== undefined && Date.now() < until ? Math.min(normalMs, OUTAGE_DEADLINE_MS) : normalMs;
}
