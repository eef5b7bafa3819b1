import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, scimTokens, type NewAuditEvent } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { testDrivers } from '@/test/test-databases';
import { seedOrg } from '@/test/seed';
import { bucketSecondsFor, explainFailure, findSetupSignals, findSyncActivity, findSyncHealth, MAX_BUCKETS } from './audit-activity';
import { resolveWindow, syncLogQuerySchema } from './sync-log-query';

const now = new Date('2026-03-10T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

function scimRow(orgId: string, at: Date, extra: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    orgId,
    occurredAt: at,
    actorType: 'token',
    actorLabel: 't',
    action: 'scim.user.list',
    status: 200,
    idp: 'entra',
    summary: { method: 'GET', path: '/Users' },
    ...extra,
  };
}

describe('chart buckets', () => {
  it('picks a readable width that keeps every range within the bucket limit', () => {
    expect(bucketSecondsFor(3_600_000)).toBe(60);
    expect(bucketSecondsFor(86_400_000)).toBe(1800);
    expect(bucketSecondsFor(7 * 86_400_000)).toBe(3 * 3600);
    expect(bucketSecondsFor(30 * 86_400_000)).toBe(12 * 3600);
    for (const days of [0.01, 1, 3, 45, 90, 400]) expect(Math.ceil((days * 86_400) / bucketSecondsFor(days * 86_400_000))).toBeLessThanOrEqual(MAX_BUCKETS);
  });
});

describe('failure explanations', () => {
  it.each([
    [401, 'scim.auth.fail', 'The token was revoked: create a new one', /revoked/],
    [401, 'scim.auth.fail', 'The token has expired', /expired/],
    [404, 'scim.request.invalid', 'No SCIM endpoint at /v2/Users', /must end in \/api\/scim\/v2/],
    [400, 'scim.user.create', 'emails: a work email is required', /Missing email/],
    [409, 'scim.user.create', 'userName taken', /already exists/],
  ])('%i %s', (status, action, detail, expected) => {
    expect(explainFailure({ status, action, detail, scimType: null })).toMatch(expected);
  });
});

describe.each(testDrivers())('sync activity on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('counts requests and errors per bucket in SQL, zero-filled, for this org and these filters only', async () => {
    const org = await seedOrg(handle.db, 'chart');
    const other = await seedOrg(handle.db, 'chart-other');
    await handle.db.insert(auditEvents).values([
      scimRow(org.orgId, minutesAgo(5)),
      scimRow(org.orgId, minutesAgo(6), { status: 401, action: 'scim.auth.fail' }),
      scimRow(org.orgId, minutesAgo(125), { action: 'scim.user.create', status: 201 }),
      scimRow(org.orgId, minutesAgo(126), { action: 'scim.user.create', status: 409 }),
      scimRow(org.orgId, minutesAgo(60 * 30)),
      {
        orgId: org.orgId,
        occurredAt: minutesAgo(7),
        actorType: 'account',
        action: 'token.create',
        summary: { name: 'Okta', scopes: ['scim'], prefix: 'rst_abcd', expiresAt: null },
      },
      scimRow(other.orgId, minutesAgo(5)),
    ]);
    const query = syncLogQuerySchema.parse({ range: '24h' });
    const activity = await findSyncActivity(handle.db, org.orgId, query, resolveWindow(query, now));
    expect(activity.bucketSeconds).toBe(1800);
    expect(activity.buckets).toHaveLength(48);
    expect(activity).toMatchObject({ requests: 4, errors: 2 });
    const busy = activity.buckets.filter((b) => b.requests > 0);
    expect(busy).toEqual([
      { start: '2026-03-10T09:30:00.000Z', requests: 2, errors: 1 },
      { start: '2026-03-10T11:30:00.000Z', requests: 2, errors: 1 },
    ]);
    const failures = syncLogQuerySchema.parse({ range: '24h', outcome: 'failure', resource: 'User' });
    expect(await findSyncActivity(handle.db, org.orgId, failures, resolveWindow(failures, now))).toMatchObject({ requests: 1, errors: 1 });
  });

  it('puts each event in the bar whose time span holds it, also when the window starts mid-second', async () => {
    // Issue 13: a window that starts at .456 s put every count one bar early and left the newest empty.
    const at = new Date('2026-03-10T12:00:00.456Z');
    const org = await seedOrg(handle.db, 'chart-ms');
    const times = [60_000, 4 * 3600_000, 3 * 3600_000 + 500, 7 * 86_400_000 - 60_000].map((ms) => new Date(at.getTime() - ms));
    await handle.db.insert(auditEvents).values(times.map((t) => scimRow(org.orgId, t)));
    const query = syncLogQuerySchema.parse({ range: '7d' });
    const activity = await findSyncActivity(handle.db, org.orgId, query, resolveWindow(query, at));
    const width = activity.bucketSeconds * 1000;
    expect(activity.requests).toBe(times.length);
    for (const t of times) {
      const bar = activity.buckets.find((b) => Date.parse(b.start) <= t.getTime() && t.getTime() < Date.parse(b.start) + width);
      expect(bar?.requests, `the bar holding ${t.toISOString()}`).toBeGreaterThan(0);
    }
    expect(activity.buckets.at(-1)?.requests).toBe(1);
    expect(activity.buckets[0]?.requests).toBe(1);
    expect(activity.buckets.reduce((n, b) => n + b.requests, 0)).toBe(times.length);
  });

  it('reports the latest call, the last 24 h and the latest failure for the card', async () => {
    const org = await seedOrg(handle.db, 'health');
    expect(await findSyncHealth(handle.db, org.orgId, now)).toEqual({ lastEventAt: null, lastIdp: null, requests24h: 0, errors24h: 0, latestFailure: null });
    await handle.db.insert(auditEvents).values([
      scimRow(org.orgId, minutesAgo(1), { idp: 'okta' }),
      scimRow(org.orgId, minutesAgo(2), {
        action: 'scim.request.invalid',
        status: 404,
        summary: { method: 'GET', path: '/Userz', error: { detail: 'No SCIM endpoint at /Userz' } },
      }),
      scimRow(org.orgId, minutesAgo(3), { status: 401, action: 'scim.auth.fail' }),
      scimRow(org.orgId, minutesAgo(60 * 48), { status: 500 }),
    ]);
    const health = await findSyncHealth(handle.db, org.orgId, now);
    expect(health).toMatchObject({ lastEventAt: '2026-03-10T11:59:00.000000Z', lastIdp: 'okta', requests24h: 3, errors24h: 2 });
    expect(health.latestFailure).toMatchObject({ status: 404, action: 'scim.request.invalid', path: '/Userz', detail: 'No SCIM endpoint at /Userz' });
  });

  it("ticks the setup checklist from each IdP's first calls", async () => {
    const org = await seedOrg(handle.db, 'checklist');
    const none = await findSetupSignals(handle.db, org.orgId);
    expect(Object.values(none).every((v) => v === false)).toBe(true);
    const probe = { method: 'GET', path: '/Users', filter: 'userName eq "8b1f2c-probe@nowhere"' };
    await handle.db
      .insert(auditEvents)
      .values([
        scimRow(org.orgId, minutesAgo(9), { summary: probe }),
        scimRow(org.orgId, minutesAgo(8), { idp: 'okta', summary: { ...probe, filter: 'userName eq "x"' }, status: 500 }),
        scimRow(org.orgId, minutesAgo(7), { idp: 'onelogin', action: 'scim.group.list' }),
        scimRow(org.orgId, minutesAgo(6), { idp: 'jumpcloud', action: 'scim.user.create', status: 201 }),
      ]);
    expect(await findSetupSignals(handle.db, org.orgId)).toEqual({
      authenticated: true,
      userProvisioned: true,
      groupPushed: false,
      entraTestConnection: true,
      oktaLookup: false,
      oneloginGroups: true,
      jumpcloudTestUser: false,
    });
    await handle.db
      .insert(auditEvents)
      .values([
        scimRow(org.orgId, minutesAgo(5), { idp: 'jumpcloud', action: 'scim.user.delete', status: 204 }),
        scimRow(org.orgId, minutesAgo(4), { idp: 'okta', summary: probe }),
        scimRow(org.orgId, minutesAgo(3), { action: 'scim.group.create', status: 201 }),
      ]);
    expect(Object.values(await findSetupSignals(handle.db, org.orgId)).every((v) => v === true)).toBe(true);
  });

  it('counts a token that has been used as authenticated, even before any row is logged', async () => {
    const org = await seedOrg(handle.db, 'auth');
    const token = await createScimToken(handle.db, org.orgId, { name: 't', scopes: ['scim:manage'] }, { type: 'system', label: 'test' });
    expect((await findSetupSignals(handle.db, org.orgId)).authenticated).toBe(false);
    await handle.db.update(scimTokens).set({ firstUsedAt: now }).where(eq(scimTokens.id, token.id));
    expect((await findSetupSignals(handle.db, org.orgId)).authenticated).toBe(true);
  });
});
