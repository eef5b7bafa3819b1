import { z } from 'zod';
import { open, seal } from './secret-box';

/**
 * What the callback needs to check the IdP's answer (OIDC Core §3.1.2.1 state and nonce, RFC 7636
 * PKCE verifier), kept in an encrypted httpOnly cookie for ten minutes instead of a server row:
 * nothing to clean up, and any instance can read it. The callback deletes it, so a replayed
 * callback finds no state and is refused.
 */
export const FLOW_COOKIE = 'roster-sso-flow';
export const FLOW_TTL_SECONDS = 600;

const flowStateSchema = z.object({
  orgId: z.uuid(),
  slug: z.string(),
  state: z.string().min(20),
  nonce: z.string().min(20),
  verifier: z.string().min(43),
  mode: z.enum(['sign-in', 'test']),
  /** For a test sign-in: the owner who started it, who alone may finish it. */
  accountId: z.uuid().optional(),
  expiresAt: z.number(),
});
export type FlowState = z.infer<typeof flowStateSchema>;

export function sealFlowState(flow: FlowState): string {
  return seal(JSON.stringify(flow), 'sso-flow-state');
}

export function openFlowState(cookie: string | undefined, now = Date.now()): FlowState | null {
  if (!cookie) return null;
  const text = open(cookie, 'sso-flow-state');
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = flowStateSchema.safeParse(json);
  return parsed.success && parsed.data.expiresAt > now ? parsed.data : null;
}
