import 'server-only';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { signIn } from '@/lib/auth/config';
import { getMembership } from '@/lib/auth/guards';
import { describeTestSignIn } from '../describe-test-sign-in';
import { finishSso } from '../finish-sso';
import { linkSsoMember } from '../link-sso-member';
import { recordSsoRefusal } from '../record-sso-refusal';
import { recordSsoTest } from '../record-sso-test';
import { sealRefusalNote } from '../refusal-note';
import { takeFlowCookie } from './flow-cookie';

function refusedPage(reason: string, slug: string): string {
  return `/sign-in/sso/refused?reason=${reason}&org=${encodeURIComponent(slug)}`;
}

/**
 * GET /api/sso/<slug>/callback: verify the IdP's answer, then either record a test result on the
 * owner's card or link the member and open an Auth.js session through the one-time ticket.
 */
export async function ssoCallbackRoute(request: Request, slug: string): Promise<never> {
  const db = await getDb();
  const flow = await takeFlowCookie();
  const verified = await finishSso(db, slug, new URL(request.url).searchParams, flow);
  if (flow?.mode === 'test') {
    const owner = await getMembership(slug);
    if (owner?.member.role !== 'owner' || owner.account.id !== flow.accountId) redirect('/sign-in');
    const result = verified.ok ? { ok: true, message: await describeTestSignIn(db, verified) } : { ok: false, message: verified.message };
    await recordSsoTest(db, owner.org.id, { type: 'account', id: owner.account.id, label: owner.account.email }, result);
    redirect(`/orgs/${encodeURIComponent(slug)}/settings/security#single-sign-on`);
  }
  if (!verified.ok) {
    // Refusals before the org is known for sure (no flow, another org's flow) have no org to log in.
    if (flow && flow.slug === slug) await recordSsoRefusal(db, flow.orgId, verified, {});
    redirect(refusedPage(verified.reason, slug));
  }
  const linked = await linkSsoMember(db, verified.connection, verified.issuer, verified.claims);
  if (!linked.ok) {
    const note = linked.reason === 'suspended' ? `&note=${encodeURIComponent(sealRefusalNote(verified.connection.orgId))}` : '';
    redirect(`${refusedPage(linked.reason, slug)}${note}`);
  }
  await signIn('sso-ticket', { ticket: linked.ticket, redirectTo: `/orgs/${encodeURIComponent(verified.connection.orgSlug)}/team` });
  redirect(`/orgs/${encodeURIComponent(verified.connection.orgSlug)}/team`);
}
