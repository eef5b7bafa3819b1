import 'server-only';
import { getMembership } from '@/lib/auth/guards';
import { getDb } from '@/db/client';
import { isMemberActive } from '@/lib/members/is-member-active';
import { subscribeTeamChanges } from './subscribe-team-changes';

// While an IdP syncs, changes arrive in bursts: one event per 300 ms at most is enough.
const COALESCE_MS = 300;
const KEEPALIVE_MS = 15_000;

/**
 * A text/event-stream that says "changed" whenever the org's team changes. Members only: the
 * caller's membership is read from the database like any page.
 */
export async function teamEventsResponse(request: Request, slug: string): Promise<Response> {
  const membership = await getMembership(slug);
  if (!membership) return new Response('Not found', { status: 404 });
  const encoder = new TextEncoder();
  const stillMember = async () => isMemberActive(await getDb(), membership.org.id, membership.member.id);
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let pending: ReturnType<typeof setTimeout> | undefined;
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribeTeamChanges(membership.org.id, () => {
        pending ??= setTimeout(() => {
          pending = undefined;
          // The stream outlives the request that checked membership: a member the directory
          // suspended or removed meanwhile gets no more events, and the stream ends (issue 11).
          void stillMember().then((ok) => (ok ? send(`event: team\ndata: ${Date.now()}\n\n`) : cleanup()), () => cleanup());
        }, COALESCE_MS);
      });
      const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(keepalive);
        if (pending) clearTimeout(pending);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener('abort', () => cleanup());
      send('retry: 2000\n: connected\n\n');
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' },
  });
}
