import { getDb } from '@/lib/database';
import { streamSyncLogCsv } from '@/lib/audit/stream-sync-log-csv';
import { syncLogQuerySchema } from '@/lib/audit/sync-log-query';
import { getMembership } from '@/lib/auth/guards';

/** The filtered sync log as a streamed CSV download. Owners only; anyone else gets a bare 404. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const membership = await getMembership((await params).slug);
  if (!membership || membership.member.role !== 'owner') return new Response('Not found', { status: 404 });
  const { cursor: _cursor, dir: _dir, ...filters } = syncLogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { stream, windowEnd } = streamSyncLogCsv(await getDb(), membership.org.id, filters);
  const stamp = windowEnd.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const headers = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="roster-sync-log-${membership.org.slug}-${stamp}.csv"`,
    'Cache-Control': 'no-store',
  };
  return new Response(stream, { headers });
}
