import { getDb } from '@/lib/database';
import { streamSyncLogCsv } from '@/lib/audit/stream-sync-log-csv';
import { syncLogQuerySchema } from '@/lib/audit/sync-log-query';
import { withOwner } from '@/lib/auth/with-owner';

/** The filtered sync log as a streamed CSV download. Owners only; anyone else gets a bare 404. */
export const GET = withOwner(async (request, { org }) => {
  const { cursor: _cursor, dir: _dir, ...filters } = syncLogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { stream, windowEnd } = streamSyncLogCsv(await getDb(), org.id, filters);
  const stamp = windowEnd.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const headers = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="roster-sync-log-${org.slug}-${stamp}.csv"`,
    'Cache-Control': 'no-store',
  };
  return new Response(stream, { headers });
});
