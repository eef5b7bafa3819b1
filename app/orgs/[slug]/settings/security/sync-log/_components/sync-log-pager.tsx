import Link from 'next/link';
import { syncLogParams, type SyncLogFilters } from '@/lib/audit/sync-log-query';

/** Newer/Older by keyset cursor: no page numbers, because counting a million rows to number them is the slow part. */
export function SyncLogPager({ filters, newerCursor, olderCursor }: { filters: SyncLogFilters; newerCursor: string | null; olderCursor: string | null }) {
  if (!newerCursor && !olderCursor) return null;
  const link = 'rounded-md px-3 py-1.5 font-medium text-indigo-700 ring-1 ring-slate-200 hover:bg-indigo-50';
  return (
    <nav aria-label="Sync log pages" className="flex items-center justify-between text-sm">
      {newerCursor ? (
        <Link className={link} href={`?${syncLogParams(filters, { cursor: newerCursor, dir: 'newer' }).toString()}`}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {olderCursor ? (
        <Link className={link} href={`?${syncLogParams(filters, { cursor: olderCursor, dir: 'older' }).toString()}`}>
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
