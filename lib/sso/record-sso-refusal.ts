import type { Db } from '@/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { SsoRefusal } from './sso-refusal';

/** Every refused SSO sign-in is in the owners' audit log with its reason (never a token). */
export async function recordSsoRefusal(
  db: Db,
  orgId: string,
  refused: SsoRefusal,
  who: { subject?: string; claimValue?: string; memberId?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await recordAuditEvent(tx, {
      orgId,
      action: 'sso.sign_in.refuse',
      actor: { type: 'system', label: who.claimValue ?? who.subject ?? 'unknown person' },
      resourceType: who.memberId ? 'Member' : undefined,
      resourceId: who.memberId ?? null,
      status: 403,
      summary: {
        reason: refused.reason,
        message: refused.message,
        ...(refused.detail ? { detail: refused.detail } : {}),
        ...(who.subject ? { subject: who.subject } : {}),
      },
    });
  });
}
