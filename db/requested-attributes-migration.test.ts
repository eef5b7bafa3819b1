import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditEvents, type NewAuditEvent } from '@/db/schema';
import { seedOrg } from '@/test/seed';
import { testDrivers } from '@/test/test-databases';

/**
 * Migration 0008: the sync-log key `attributes` of reads (the `attributes` query parameter)
 * becomes `requestedAttributes`; writes keep `attributes` (the names their body sent). It already
 * ran when the database opened, and only touches reads still holding `attributes`, so running
 * its SQL again over rows shaped like the old ones tests it.
 */
const migration = fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', '0008_move_read_attributes_to_requested_attributes.sql'), 'utf8');

describe.each(testDrivers())('migration 0008 (requestedAttributes) on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('moves a read’s attributes to requestedAttributes with everything else kept, and leaves writes alone', async () => {
    const { orgId } = await seedOrg(handle.db, 'requested-attributes');
    // Dated in the past, as rows written before the upgrade are.
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    const row = (minute: number, action: string, summary: Record<string, unknown>): NewAuditEvent => ({
      orgId,
      occurredAt: at(minute),
      actorType: 'token',
      actorLabel: 'Okta',
      action,
      status: 200,
      summary,
    });
    await handle.db.insert(auditEvents).values([
      row(1, 'scim.user.list', {
        method: 'GET',
        path: '/Users',
        filter: 'userName eq "a"',
        count: 1,
        attributes: ['userName', 'emails'],
        excludedAttributes: ['groups'],
      }),
      row(2, 'scim.group.read', { method: 'GET', path: '/Groups/x', attributes: ['displayName'] }),
      row(3, 'scim.root.search', { method: 'POST', path: '/.search', attributes: ['id'] }),
      row(4, 'scim.user.create', { method: 'POST', path: '/Users', attributes: ['userName', 'name'] }),
      row(5, 'scim.user.list', { method: 'GET', path: '/Users', startIndex: 1 }),
    ]);
    await handle.db.execute(sql.raw(migration));
    const rows = await handle.db
      .select({ summary: auditEvents.summary })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), like(auditEvents.action, 'scim.%')))
      .orderBy(asc(auditEvents.occurredAt));
    expect(rows.map((r) => r.summary)).toEqual([
      { method: 'GET', path: '/Users', filter: 'userName eq "a"', count: 1, requestedAttributes: ['userName', 'emails'], excludedAttributes: ['groups'] },
      { method: 'GET', path: '/Groups/x', requestedAttributes: ['displayName'] },
      { method: 'POST', path: '/.search', requestedAttributes: ['id'] },
      { method: 'POST', path: '/Users', attributes: ['userName', 'name'] },
      { method: 'GET', path: '/Users', startIndex: 1 },
    ]);
  });
});
