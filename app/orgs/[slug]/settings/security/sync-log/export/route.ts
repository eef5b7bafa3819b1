import { getDb } from '@/db/client';
import { findSyncLogRows } from '@/lib/audit/find-audit-events';
import { decodeEventKey, resolveWindow, syncLogQuerySchema } from '@/lib/audit/sync-log-query';
import { getMembership } from '@/lib/auth/guards';
import { csvHeader, csvRow } from './csv';

const BATCH = 1000;

/**
 * The filtered sync log as CSV, streamed: each pull reads the next 1,000 rows by keyset, so
 * memory stays flat however large the export. Owners only; anyone else gets a bare 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const membership = await getMembership((await params).slug);
  if (!membership || membership.member.role !== 'owner') return new Response('Not found', { status: 404 });
  const { cursor: _c, dir: _d, ...filters } = syncLogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const window = resolveWindow(filters); // fixed once, so "last 24 h" does not slide mid-export
  const db = await getDb();
  const orgId = membership.org.id;
  const encoder = new TextEncoder();
  let after: ReturnType<typeof decodeEventKey> = null;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvHeader()}`)); // BOM: Excel then reads UTF-8
      }
      const rows = await findSyncLogRows(db, orgId, filters, window, after, 'older', BATCH);
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(csvRow).join('')));
      const last = rows[rows.length - 1];
      if (rows.length < BATCH || !last) controller.close();
      else after = decodeEventKey(last.key);
    },
  });
  const stamp = window.to.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="roster-sync-log-${membership.org.slug}-${stamp}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
