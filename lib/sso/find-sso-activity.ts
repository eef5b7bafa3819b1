import { and, desc, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { AuditSummary } from '@/lib/audit/audit-actions';

export type SsoActivityDto = { id: string; at: string; action: string; who: string | null; outcome: string };

type ShownAction = 'sso.sign_in' | 'sso.sign_in.refuse' | 'sso.test' | 'sso.config.update' | 'member.invite.create' | 'member.invite.accept';

/** Each action's line, reading its summary by the action's schema (lib/audit/audit-actions.ts); old rows may lack keys. */
const describe: { [A in ShownAction]: (s: Partial<AuditSummary<A>>) => string } = {
  'sso.sign_in': (s) => (s.firstSignIn ? 'Signed in with SSO (first time: linked)' : 'Signed in with SSO'),
  'sso.sign_in.refuse': (s) => `Refused (${String(s.reason ?? 'unknown')}): ${String(s.message ?? '')}`,
  'sso.test': (s) => (s.ok ? 'Test sign-in passed' : `Test sign-in failed: ${String(s.message ?? '')}`),
  'sso.config.update': (s) => `Settings saved${s.newClientKey ? ' (new client secret)' : ''}${s.requireSso ? ', SSO required' : ''}`,
  'member.invite.create': (s) => (s.reissue ? 'Invite link re-issued' : 'Invite link created'),
  'member.invite.accept': () => 'Invite link used',
};
const ACTIONS = Object.keys(describe) as ShownAction[];

/**
 * The owner-readable log of sign-in events (the sync log shows only SCIM calls): the latest SSO
 * sign-ins, refusals with their reason, tests, settings changes and invites. Redacted summaries
 * only (lib/audit/redact.ts): never a token or a secret.
 */
export async function findSsoActivity(db: DbOrTx, orgId: string, limit = 10): Promise<SsoActivityDto[]> {
  const rows = await db
    .select({ id: auditEvents.id, at: auditEvents.occurredAt, action: auditEvents.action, who: auditEvents.actorLabel, summary: auditEvents.summary })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), inArray(auditEvents.action, ACTIONS)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), action: r.action, who: r.who, outcome: describeRow(r.action, r.summary) }));
}

function describeRow(action: string, summary: Record<string, unknown>): string {
  const line = (describe as Record<string, ((s: Record<string, unknown>) => string) | undefined>)[action];
  return line ? line(summary) : action;
}
