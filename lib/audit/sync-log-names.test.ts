import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { GROUP_SCHEMA, patchBody, scimClientFor, userBody } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import { findSyncLogPage, getSyncLogEvent } from './find-audit-events';
import { syncLogQuerySchema } from './sync-log-query';

const q = (params: Record<string, string> = {}) => syncLogQuerySchema.parse({ range: '1h', ...params });

/**
 * Issue 13: the sync log named people and groups only by UUID. Each row now carries the
 * userName / displayName as it was when the request ran, written with the row itself (the
 * one-statement create, a transaction's change, the batched read log and a failure's row).
 */
describe.each(testDrivers())('sync log names on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('names the person and the group of each request as they were then, and filters by person', async () => {
    const db = handle.db;
    const scim = await scimClientFor(db);
    const created = await scim.call('POST', '/Users', userBody('ada@example.test'));
    expect(created.status).toBe(201);
    const id = String(created.json?.id);
    expect((await scim.call('POST', '/Users', userBody('ada@example.test'))).status).toBe(409);
    expect((await scim.call('GET', `/Users?filter=${encodeURIComponent('userName eq "ada@example.test"')}`)).status).toBe(200);
    expect((await scim.call('PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'userName', value: 'ada.lovelace@example.test' }))).status).toBe(200);
    expect((await scim.call('GET', `/Users/${id}`)).status).toBe(200);
    const group = await scim.call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Analysts', members: [{ value: id }] });
    expect(group.status).toBe(201);
    expect((await scim.call('DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim.call('POST', '/Users', userBody('grace@example.test'))).status).toBe(201);
    await scim.auditRows(); // flushes the batched read rows

    const page = await findSyncLogPage(db, scim.orgId, q());
    const lines = page.rows.map((r) => `${r.action} ${r.status} ${r.resourceName ?? '-'}`).reverse();
    expect(lines).toEqual([
      'scim.user.create 201 ada@example.test',
      'scim.user.create 409 ada@example.test',
      'scim.user.list 200 ada@example.test',
      'scim.user.patch 200 ada.lovelace@example.test',
      'scim.user.read 200 ada.lovelace@example.test',
      'scim.group.create 201 Analysts',
      'scim.user.delete 204 ada.lovelace@example.test',
      'scim.user.create 201 grace@example.test',
    ]);

    // Filter by part of a name (either spelling the person had), or by the SCIM id.
    const ada = await findSyncLogPage(db, scim.orgId, q({ person: 'ADA' }));
    expect(ada.rows).toHaveLength(6);
    expect(ada.rows.every((r) => r.resourceName?.startsWith('ada'))).toBe(true);
    const byId = await findSyncLogPage(db, scim.orgId, q({ person: id }));
    expect(byId.rows.map((r) => r.action).sort()).toEqual(['scim.user.create', 'scim.user.delete', 'scim.user.patch', 'scim.user.read']);
    expect((await findSyncLogPage(db, scim.orgId, q({ person: '100%' }))).rows).toHaveLength(0);

    const deleted = page.rows.find((r) => r.action === 'scim.user.delete');
    const detail = await getSyncLogEvent(db, scim.orgId, deleted?.key ?? '');
    expect(detail).toMatchObject({ resourceType: 'User', resourceId: id, resourceName: 'ada.lovelace@example.test' });
    expect(detail?.extra.map((e) => e.name)).not.toContain('resourceName');
  });
});
