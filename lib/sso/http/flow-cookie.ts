import 'server-only';
import { cookies } from 'next/headers';
import { getEnvAppUrl } from '@/lib/app-url';
import { FLOW_COOKIE, FLOW_TTL_SECONDS, openFlowState, type FlowState } from '../flow-state';

/**
 * httpOnly, path-scoped to the SSO routes, SameSite=Lax: the IdP's redirect back is a top-level
 * GET navigation from another site, which Lax cookies accompany (RFC 6265bis §5.4.7.1).
 */
export async function setFlowCookie(value: string): Promise<void> {
  const secure = (await getEnvAppUrl()).startsWith('https://');
  (await cookies()).set(FLOW_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: '/api/sso', maxAge: FLOW_TTL_SECONDS });
}

/** Reads and deletes: a flow is finished once, whatever its outcome. */
export async function takeFlowCookie(): Promise<FlowState | null> {
  const jar = await cookies();
  const flow = openFlowState(jar.get(FLOW_COOKIE)?.value);
  jar.delete({ name: FLOW_COOKIE, path: '/api/sso' });
  return flow;
}
