import 'server-only';
import { getMembership } from '@/lib/auth/guards';
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
          send(`event: team\ndata: ${Date.now()}\n\n`);
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
