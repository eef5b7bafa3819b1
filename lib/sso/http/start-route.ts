import 'server-only';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { getMembership } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { beginSso } from '../begin-sso';
import { recordSsoTest } from '../record-sso-test';
import { setFlowCookie } from './flow-cookie';

/**
 * GET /api/sso/<slug>/start[?mode=test]: to the org's IdP. A test sign-in is the owner's own,
 * checked here and again on the callback; its failure is written on the card, not thrown.
 */
export async function startSsoRoute(request: Request, slug: string): Promise<never> {
  const test = new URL(request.url).searchParams.get('mode') === 'test';
  const db = await getDb();
  const owner = test ? await getMembership(slug) : null;
  if (test && owner?.member.role !== 'owner') redirect('/sign-in');
  let target: string;
  try {
    const { authorizationUrl, flowCookie } = await beginSso(db, slug, test ? 'test' : 'sign-in', owner?.account.id);
    await setFlowCookie(flowCookie);
    target = authorizationUrl;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (owner) {
      await recordSsoTest(db, owner.org.id, { type: 'account', id: owner.account.id, label: owner.account.email }, { ok: false, message: error.message });
      target = `/orgs/${encodeURIComponent(slug)}/settings/security#single-sign-on`;
    } else {
      target = `/sign-in/sso/refused?reason=${error.code === 'not_found' ? 'not_configured' : 'idp_error'}&org=${encodeURIComponent(slug)}`;
    }
  }
  redirect(target);
}
