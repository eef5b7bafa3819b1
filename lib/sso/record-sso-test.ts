import { eq } from 'drizzle-orm';
import { ssoConnections } from '@/db/schema';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';

/** The result of an owner's "Test sign-in", kept on the connection so the card shows it. */
export async function recordSsoTest(db: Db, orgId: string, actor: AuditActor, result: { ok: boolean; message: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(ssoConnections)
      .set({ testedAt: new Date(), testOk: result.ok, testMessage: result.message.slice(0, 500) })
      .where(eq(ssoConnections.orgId, orgId));
    await recordAuditEvent(tx, {
      orgId,
      action: 'sso.test',
      actor,
      resourceType: 'SsoConnection',
      resourceId: orgId,
      status: result.ok ? 200 : 400,
      summary: { ok: result.ok, message: result.message },
    });
  });
}
