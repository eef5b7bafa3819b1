import crypto from 'node:crypto';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { CallLogBatch } from '@/lib/scim/call-log/call-log-batch';
import { OFF_SCHEMA_ON_PURPOSE } from '@/test/audit-summaries-fit';
import { seedOrg } from '@/test/seed';
import { testDrivers } from '@/test/test-databases';
import { auditInsertFrom } from './audit-insert-sql';
import { toAuditRow, type AuditEventInput } from './audit-row';
import { recordAuditEvent } from './record-audit-event';
import type { ScimAction } from './audit-actions';
import type { ScimRequestSummary } from './scim-summary';

/**
 * Issue 16: the three audit writers (one row in a transaction, one row inside a change's own
 * statement, the batched rows of reads) insert toAuditRow's row, so they store the same thing.
 */

const resourceId = crypto.randomUUID();

/** Writes `input` with each writer, as lib/scim does: returns the three stored rows, oldest first. */
async function writeWithEachWriter(handle: DbHandle, input: AuditEventInput<ScimAction>) {
  await recordAuditEvent(handle.db, input);
  await handle.db.execute(auditInsertFrom(input, sql`(select ${input.resourceId ?? null}::text as id) as src`, sql`src.id`));
  const batch = new CallLogBatch(handle.db);
  // What lib/scim/handler.ts queues for a read: the row, dated when the request arrived.
  batch.logRead({ ...toAuditRow(input), occurred_at: new Date().toISOString() });
  await batch.flush();
  return handle.db
    .select({
      orgId: auditEvents.orgId,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      resourceType: auditEvents.resourceType,
      resourceId: auditEvents.resourceId,
      status: auditEvents.status,
      idp: auditEvents.idp,
      durationMs: auditEvents.durationMs,
      summary: auditEvents.summary,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, input.orgId), like(auditEvents.action, 'scim.%')))
    .orderBy(asc(auditEvents.occurredAt));
}

describe.each(testDrivers())('audit writers on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('store the same row for the same input, whichever of the three writes it', async () => {
    const { orgId } = await seedOrg(handle.db, 'writers');
    const input: AuditEventInput<ScimAction> = {
      orgId,
      action: 'scim.user.create',
      actor: { type: 'token', id: crypto.randomUUID(), label: 'Okta prod' },
      resourceType: 'User',
      resourceId,
      status: 201,
      idp: 'okta',
      summary: {
        method: 'POST',
        path: '/Users',
        attributes: ['userName', 'name', 'emails'],
        resourceName: 'ada@example.test',
        adaptations: ['Okta: active sent as a string'],
        adopted: true,
      },
    };
    const rows = await writeWithEachWriter(handle, input);
    expect(rows).toHaveLength(3);
    const expected = {
      orgId,
      actorType: 'token',
      actorId: input.actor.id,
      actorLabel: 'Okta prod',
      action: 'scim.user.create',
      resourceType: 'User',
      resourceId,
      status: 201,
      idp: 'okta',
      durationMs: null,
      summary: input.summary,
    };
    expect(rows).toEqual([expected, expected, expected]);
  });

  it('measure the duration from startedAt in every writer', async () => {
    const { orgId } = await seedOrg(handle.db, 'writers-duration');
    const rows = await writeWithEachWriter(handle, {
      orgId,
      action: 'scim.user.read',
      actor: { type: 'token', id: crypto.randomUUID(), label: 't' },
      status: 200,
      startedAt: performance.now() - 5_000,
      summary: { method: 'GET', path: `/Users/${resourceId}`, requestedAttributes: ['userName'] },
    });
    expect(rows.map((r) => r.durationMs! >= 5_000)).toEqual([true, true, true]);
  });

  it('redact a secret-looking key a summary should never hold, in every writer', async () => {
    const { orgId } = await seedOrg(handle.db, 'writers-redact');
    const secret = `hunter2-${crypto.randomUUID()}`;
    // Off the schema on purpose (only a cast gets it past the types): redact.ts is the last line.
    const summary = {
      method: 'POST',
      path: '/Users',
      password: secret,
      error: { detail: 'x', authorization: `Bearer ${secret}` },
    } as unknown as ScimRequestSummary;
    const rows = await writeWithEachWriter(handle, {
      orgId,
      action: 'scim.user.create',
      actor: { type: 'token', id: crypto.randomUUID(), label: OFF_SCHEMA_ON_PURPOSE },
      status: 400,
      summary,
    });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.summary).toEqual({ method: 'POST', path: '/Users', password: '[redacted]', error: { detail: 'x', authorization: '[redacted]' } });
      expect(JSON.stringify(row)).not.toContain(secret);
    }
  });

  it("refuse a UI action's summary that does not fit its schema, and write nothing", async () => {
    const { orgId } = await seedOrg(handle.db, 'writers-schema');
    const wrong = { name: 'Okta', prefx: 'rst_abcd' } as unknown as { name: string; prefix: string };
    await expect(recordAuditEvent(handle.db, { orgId, action: 'token.revoke', actor: { type: 'system', label: 'test' }, summary: wrong })).rejects.toThrow(
      /token\.revoke does not fit its schema/,
    );
    const written = await handle.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'token.revoke')));
    expect(written).toEqual([]);
  });
});

describe('audit summary types', () => {
  it('make a misspelt or undeclared key a compile error (checked by npm run typecheck)', () => {
    const actor = { type: 'system', label: 'test' } as const;
    const orgId = crypto.randomUUID();
    // Never called: the lines below only have to (not) compile.
    const typed = () => [
      toAuditRow({ orgId, actor, action: 'token.revoke', summary: { name: 'Okta', prefix: 'rst_abcd' } }),
      // @ts-expect-error `prefx` is not a key of token.revoke's summary
      toAuditRow({ orgId, actor, action: 'token.revoke', summary: { name: 'Okta', prefx: 'rst_abcd' } }),
      // @ts-expect-error `role` must be one of the member roles
      toAuditRow({ orgId, actor, action: 'member.role.set', summary: { role: 'admn' } }),
      // @ts-expect-error a SCIM summary has no key `attribtues`
      toAuditRow({ orgId, actor, action: 'scim.user.create', summary: { method: 'POST', path: '/Users', attribtues: [] } }),
    ];
    expect(typeof typed).toBe('function');
  });
});
