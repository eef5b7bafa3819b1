import type { Db } from '@/db/client';
import { findSyncLogRows } from './find-audit-events';
import { csvHeader, csvRow } from './sync-log-csv';
import { decodeEventKey, resolveWindow, type SyncLogFilters } from './sync-log-query';

const BATCH = 1000;

/**
 * The filtered sync log as a CSV stream: each pull reads the next 1,000 rows by keyset, so
 * memory stays flat however large the export. The time window is fixed once, so "last 24 h"
 * does not slide mid-export.
 */
export function streamSyncLogCsv(db: Db, orgId: string, filters: SyncLogFilters): { stream: ReadableStream<Uint8Array>; windowEnd: Date } {
  const window = resolveWindow(filters);
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
  return { stream, windowEnd: window.to };
}
