import { teamEventsResponse } from '@/lib/live/team-events-response';

// Server-sent events for an open team page; lib/live checks membership and streams.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return teamEventsResponse(request, (await params).slug);
}
