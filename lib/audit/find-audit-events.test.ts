import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, type NewAuditEvent } from '@/db/schema';
import type { Db, DbHandle } from '@/db/client';
import { testDrivers } from '@/test/test-databases';
import { seedOrg } from '@/test/seed';
import { findSyncLogPage, findSyncLogRows, getSyncLogEvent } from './find-audit-events';
import { decodeEventKey, resolveWindow, syncLogQuerySchema, type SyncLogQuery } from './sync-log-query';

const now = new Date('2026-03-10T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

/** A SCIM audit row as lib/scim writes it; tests insert them directly. */
function scimRow(orgId: string, at: Date, extra: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    orgId,
    occurredAt: at,
    actorType: 'token',
    actorLabel: 'Entra prod',
    action: 'scim.user.list',
    status: 200,
    idp: 'entra',
    durationMs: 12,
    summary: { method: 'GET', path: '/Users' },
    ...extra,
  };
}

async function insert(db: Db, rows: NewAuditEvent[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(auditEvents).values(rows.slice(i, i + 500));
}

const q = (params: Record<string, string> = {}): SyncLogQuery => syncLogQuerySchema.parse({ range: '24h', ...params });

describe.each(testDrivers())('sync log on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('pages through 250 events newest first, then back, without skipping or repeating', async () => {
    const org = await seedOrg(handle.db, 'keyset');
    // Ten rows share each millisecond, so the id must break ties.
    await insert(
      handle.db,
      Array.from({ length: 250 }, (_, i) => scimRow(org.orgId, minutesAgo(1 + Math.floor(i / 10)))),
    );
    const seen: string[] = [];
    const pages: { newer: string | null; older: string | null; keys: string[] }[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const page = await findSyncLogPage(handle.db, org.orgId, q(cursor ? { cursor, dir: 'older' } : {}), now, 40);
      pages.push({ newer: page.newerCursor, older: page.olderCursor, keys: page.rows.map((r) => r.key) });
      seen.push(...page.rows.map((r) => r.key));
      if (!page.olderCursor) break;
      cursor = page.olderCursor;
    }
    expect(pages.map((p) => p.keys.length)).toEqual([40, 40, 40, 40, 40, 40, 10]);
    expect(new Set(seen).size).toBe(250);
    const times = seen.map((k) => decodeEventKey(k)?.at ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    expect(pages[0]?.newer).toBeNull();

    // "Newer" from the last page returns exactly the page before it.
    const last = pages[pages.length - 1];
    const back = await findSyncLogPage(handle.db, org.orgId, q({ cursor: last?.newer ?? '', dir: 'newer' }), now, 40);
    expect(back.rows.map((r) => r.key)).toEqual(pages[pages.length - 2]?.keys);
    expect(back.olderCursor).not.toBeNull();
  });

  it('keeps microseconds in the cursor, so rows within one millisecond are not skipped', async () => {
    const org = await seedOrg(handle.db, 'micro');
    for (const micros of ['100', '400', '456']) {
      await handle.db.insert(auditEvents).values({ ...scimRow(org.orgId, now), occurredAt: sql`${'2026-03-10T11:30:00.123' + micros + 'Z'}::timestamptz` });
    }
    const window = resolveWindow(q(), now);
    const [first] = await findSyncLogRows(handle.db, org.orgId, q(), window, null, 'older', 1);
    expect(first?.occurredAt).toBe('2026-03-10T11:30:00.123456Z');
    const rest = await findSyncLogRows(handle.db, org.orgId, q(), window, decodeEventKey(first?.key), 'older', 10);
    expect(rest.map((r) => r.occurredAt)).toEqual(['2026-03-10T11:30:00.123400Z', '2026-03-10T11:30:00.123100Z']);
  });

  it('filters by outcome, operation, resource, IdP and time, and only ever shows scim.* rows of this org', async () => {
    const org = await seedOrg(handle.db, 'filters');
    const other = await seedOrg(handle.db, 'filters-other');
    await insert(handle.db, [
      scimRow(org.orgId, minutesAgo(1), { action: 'scim.user.create', status: 201, summary: { method: 'POST', path: '/Users' } }),
      scimRow(org.orgId, minutesAgo(2), {
        action: 'scim.user.create',
        status: 409,
        summary: { method: 'POST', path: '/Users', error: { scimType: 'uniqueness', detail: 'taken' } },
      }),
      scimRow(org.orgId, minutesAgo(3), { action: 'scim.group.patch', status: 204, idp: 'okta' }),
      scimRow(org.orgId, minutesAgo(4), { action: 'scim.group.list', status: 200, idp: 'onelogin' }),
      scimRow(org.orgId, minutesAgo(90), { action: 'scim.user.delete', status: 204 }),
      scimRow(org.orgId, minutesAgo(60 * 30), { action: 'scim.user.delete', status: 204 }),
      { orgId: org.orgId, occurredAt: minutesAgo(5), actorType: 'account', action: 'token.create', summary: {} },
      scimRow(other.orgId, minutesAgo(1)),
    ]);
    const actions = async (params: Record<string, string>) =>
      (await findSyncLogPage(handle.db, org.orgId, q(params), now)).rows.map((r) => `${r.action}:${r.status}`);
    expect(await actions({})).toEqual(['scim.user.create:201', 'scim.user.create:409', 'scim.group.patch:204', 'scim.group.list:200', 'scim.user.delete:204']);
    expect(await actions({ outcome: 'failure' })).toEqual(['scim.user.create:409']);
    expect(await actions({ outcome: 'success', resource: 'User' })).toEqual(['scim.user.create:201', 'scim.user.delete:204']);
    expect(await actions({ op: 'patch' })).toEqual(['scim.group.patch:204']);
    expect(await actions({ idp: 'onelogin' })).toEqual(['scim.group.list:200']);
    expect(await actions({ range: '1h' })).toHaveLength(4);
    expect(await actions({ range: '7d' })).toHaveLength(6);
    expect(await actions({ range: 'custom', from: '2026-03-09T06:00', to: '2026-03-09T07:00' })).toEqual(['scim.user.delete:204']);
  });

  it('opens one event by key with its redacted summary, and not from another org', async () => {
    const org = await seedOrg(handle.db, 'detail');
    const other = await seedOrg(handle.db, 'detail-other');
    await insert(handle.db, [
      scimRow(org.orgId, minutesAgo(1), {
        action: 'scim.user.patch',
        status: 400,
        resourceType: 'User',
        resourceId: '6a3c1f5e-1111-4a55-9d6a-3d1c2b3a4f5e',
        summary: {
          method: 'PATCH',
          path: '/Users/6a3c1f5e-1111-4a55-9d6a-3d1c2b3a4f5e',
          ops: [
            { op: 'Replace', path: 'active' },
            { op: 'add', keys: ['name.givenName', 'title'] },
          ],
          adaptations: ['string boolean coerced'],
          ignoredAttributes: ['urn:ietf:params:scim:schemas:extension:custom:2.0:User:badge'],
          notes: ['1 member value(s) ignored'],
          error: { scimType: 'invalidValue', detail: 'emails: a work email is required' },
          requestId: 'req-1',
          membersAdded: 50,
          membersRemovedAll: true,
          someNewKey: 'x',
        },
      }),
    ]);
    const [row] = (await findSyncLogPage(handle.db, org.orgId, q(), now)).rows;
    const detail = await getSyncLogEvent(handle.db, org.orgId, row?.key ?? '');
    expect(detail).toMatchObject({
      action: 'scim.user.patch',
      method: 'PATCH',
      status: 400,
      idp: 'entra',
      tokenName: 'Entra prod',
      durationMs: 12,
      ops: ['Replace active', 'add (no path): name.givenName, title'],
      adaptations: ['string boolean coerced'],
      ignoredAttributes: ['urn:ietf:params:scim:schemas:extension:custom:2.0:User:badge'],
      notes: ['1 member value(s) ignored'],
      errorType: 'invalidValue',
      errorDetail: 'emails: a work email is required',
      // In words (issue 13 saw raw keys such as membersAdded on the page); jsonb orders the keys.
      extra: expect.arrayContaining([
        { name: 'Request ID (in the server log)', value: 'req-1' },
        { name: 'Members added', value: '50' },
        { name: 'All members removed', value: 'yes' },
        { name: 'Some new key', value: 'x' },
      ]),
    });
    expect(detail?.extra).toHaveLength(4);
    expect(await getSyncLogEvent(handle.db, other.orgId, row?.key ?? '')).toBeNull();
    expect(await getSyncLogEvent(handle.db, org.orgId, 'garbage')).toBeNull();
  });
});
