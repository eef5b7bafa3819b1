import 'server-only';
import { getDb } from '@/lib/database';
import { getMembership } from '@/lib/auth/guards';
import { countTeamMembers } from '@/lib/members/count-team-members';
import { isMemberActive } from '@/lib/members/is-member-active';
import { subscribeTeamChanges } from './subscribe-team-changes';

// While an IdP syncs, changes arrive in bursts: one event per 300 ms at most is enough.
const COALESCE_MS = 300;
const KEEPALIVE_MS = 15_000;

/** What one "team" event carries: the team's size when it was sent, and when (server ms). */
export type TeamEventData = { total: number; at: number };

/**
 * A text/event-stream that says "changed" whenever the org's team changes. Members only: the
 * caller's membership is read from the database like any page.
 *
 * The first change of a quiet spell is sent at once, later ones at most every COALESCE_MS. Each
 * event carries the team's size, so the page shows progress as it happens: re-rendering the
 * whole page takes seconds while an IdP keeps the database busy (issue 13), a count does not.
 */
export async function teamEventsResponse(request: Request, slug: string): Promise<Response> {
  const membership = await getMembership(slug);
  if (!membership) return new Response('Not found', { status: 404 });
  const orgId = membership.org.id;
  const encoder = new TextEncoder();
  const stillMember = async () => isMemberActive(await getDb(), membership.org.id, membership.member.id);
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let pending: ReturnType<typeof setTimeout> | undefined;
      let lastSent = 0;
      let closed = false;
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const sendChange = async () => {
        // A change that commits while we count schedules the next event.
        pending = undefined;
        // The stream outlives the request that checked membership: a member the directory
        // suspended or removed meanwhile gets no more events, and the stream ends (issue 11).
        if (!(await stillMember().catch(() => false))) return cleanup();
        const at = (lastSent = Date.now());
        // Counted after the change committed (NOTIFY is delivered at commit).
        const total = await countTeamMembers(await getDb(), orgId).catch(() => null);
        if (closed) return;
        const data: Partial<TeamEventData> = total === null ? {} : { total, at };
        send(`event: team\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const unsubscribe = await subscribeTeamChanges(orgId, () => {
        pending ??= setTimeout(() => void sendChange(), Math.max(0, lastSent + COALESCE_MS - Date.now()));
      });
      const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
      cleanup = () => {
        closed = true;
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
