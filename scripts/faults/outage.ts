import { sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import type { Checks } from './check';
import { waitForPostgres, type ThrowawayPostgres } from './postgres-control';
import { userBody } from '../shared/scim';
import { scimFetch, type Sent } from '../shared/scim-fetch';

const WORKERS = 4;
/** Issue 14: while the database is down, every request is answered (503) within ~2 s. */
const WORST_ANSWER_MS = 2000;
type Phase = 'before' | 'outage' | 'restarting' | 'after';

/**
 * PostgreSQL stops in the middle of a provisioning run and comes back. Requests during the
 * outage must get a SCIM 503 with an integer Retry-After (never a hang, never HTML); the app
 * must recover by itself; and every member row must have its audit row and vice versa.
 */
export async function databaseOutage(
  checks: Checks,
  server: { url: string },
  pg: ThrowawayPostgres,
  db: { url: string; orgId: string; token: string },
): Promise<void> {
  const replies: (Sent & { phase: Phase; sentIn: Phase })[] = [];
  let phase: Phase = 'before';
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const sentIn = phase;
      const sent = await scimFetch(server.url, db.token, 'POST', '/Users', userBody(`outage-${next++}@example.test`), 12_000);
      replies.push({ ...sent, phase, sentIn });
      if (sent.status === 503) await new Promise((r) => setTimeout(r, 100));
    }
  };
  const running = Promise.all(Array.from({ length: WORKERS }, worker));
  await new Promise((r) => setTimeout(r, 1500));
  pg.stop();
  phase = 'outage';
  await new Promise((r) => setTimeout(r, 3000));
  phase = 'restarting';
  pg.start();
  await waitForPostgres(db.url);
  phase = 'after';
  const recoveredBy = Date.now() + 20_000;
  while (Date.now() < recoveredBy && !replies.some((r) => r.phase === 'after' && r.status === 201)) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 1000));
  stop = true;
  await running;

  const during = replies.filter((r) => r.phase === 'outage');
  const unavailable = replies.filter((r) => r.status === 503);
  checks.check(
    'requests before the outage succeed',
    replies.some((r) => r.phase === 'before' && r.status === 201),
  );
  checks.check('requests during the outage get 503', unavailable.length > 0, `${unavailable.length} of ${during.length} during the outage`);
  checks.check(
    'every 503 has an integer Retry-After',
    unavailable.every((r) => /^\d+$/.test(r.retryAfter ?? '')),
  );
  checks.check(
    'every response is SCIM JSON (no HTML page)',
    replies.every((r) => typeof r.status !== 'number' || r.status === 204 || r.contentType === 'application/scim+json'),
  );
  const sentWhileDown = replies.filter((r) => r.sentIn === 'outage');
  const worst = Math.round(Math.max(0, ...sentWhileDown.map((r) => r.ms)));
  checks.check(
    `every request sent while the database is down is answered within ${WORST_ANSWER_MS} ms`,
    sentWhileDown.length > 0 && worst <= WORST_ANSWER_MS,
    `worst ${worst} ms over ${sentWhileDown.length} requests`,
  );
  checks.check(
    'every request sent while the database is down gets 503 + Retry-After + a SCIM error',
    sentWhileDown.length > 0 && sentWhileDown.every((r) => r.status === 503 && /^\d+$/.test(r.retryAfter ?? '') && Array.isArray(r.json?.schemas)),
    [...new Set(sentWhileDown.map((r) => r.status))].join(', '),
  );
  const statuses = [...new Set(replies.map((r) => r.status))].join(', ');
  checks.check(
    'no request hangs or loses its connection',
    replies.every((r) => typeof r.status === 'number'),
    `statuses seen: ${statuses}; slowest ${Math.round(Math.max(...replies.map((r) => r.ms)))} ms`,
  );
  checks.check(
    'the app recovers by itself when the database returns',
    replies.some((r) => r.phase === 'after' && r.status === 201),
  );

  const handle = await createDb({ url: db.url, poolSize: 1 });
  try {
    const [orphans] = resultRows(
      await handle.db.execute(sql`
      select
        (select count(*) from members m where m.org_id = ${db.orgId}::uuid and m.source = 'scim' and not exists
          (select 1 from audit_events a where a.org_id = m.org_id and a.resource_id = m.id::text and a.action = 'scim.user.create' and a.status = 201))::int as members_without_audit,
        (select count(*) from audit_events a where a.org_id = ${db.orgId}::uuid and a.action = 'scim.user.create' and a.status = 201 and not exists
          (select 1 from members m where m.org_id = a.org_id and m.id::text = a.resource_id))::int as audit_without_member,
        (select count(*) from members m where m.org_id = ${db.orgId}::uuid and m.source = 'scim')::int as members`),
    );
    const created = replies.filter((r) => r.status === 201).length;
    checks.check('every member row has its audit row', orphans?.members_without_audit === 0, JSON.stringify(orphans));
    checks.check('every audit row of a create has its member', orphans?.audit_without_member === 0);
    checks.check(
      'each 201 the client saw is a stored member',
      Number(orphans?.members) >= created,
      `${String(orphans?.members)} stored, ${created} acknowledged`,
    );
  } finally {
    await handle.close();
  }
}
