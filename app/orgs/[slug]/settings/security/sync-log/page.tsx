import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/database';
import { findSyncActivity } from '@/lib/audit/audit-activity';
import { findSyncLogPage } from '@/lib/audit/find-audit-events';
import { isFiltered, resolveWindow, syncLogParams, syncLogQuerySchema } from '@/lib/audit/sync-log-query';
import { requireOwner } from '@/lib/auth/guards';
import { ActivityChart } from './_components/activity-chart';
import { SyncLogFilters } from './_components/sync-log-filters';
import { SyncLogPager } from './_components/sync-log-pager';
import { SyncLogTable } from './_components/sync-log-table';

export const metadata: Metadata = { title: 'Sync log' };

export default async function SyncLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await requireOwner((await params).slug);
  const query = syncLogQuerySchema.parse(await searchParams);
  const { cursor: _cursor, dir: _dir, ...filters } = query;
  const now = new Date();
  const db = await getDb();
  const [page, activity] = await Promise.all([findSyncLogPage(db, org.id, query, now), findSyncActivity(db, org.id, filters, resolveWindow(filters, now))]);
  const basePath = `/orgs/${org.slug}/settings/security/sync-log`;
  const exportHref = `${basePath}/export?${syncLogParams(filters).toString()}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/orgs/${org.slug}/settings/security`} className="text-sm text-indigo-700 underline">
            ← Security
          </Link>
          <h1 className="mt-1 text-xl font-semibold">Sync log</h1>
          <p className="text-sm text-slate-600">Every SCIM request your identity provider made, newest first, with what Roster did with it.</p>
        </div>
        <a href={exportHref} download className="rounded-md bg-white px-3 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50">
          Export CSV
        </a>
      </div>
      <SyncLogFilters filters={filters} basePath={basePath} />
      <section aria-labelledby="activity-title" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <h2 id="activity-title" className="mb-2 text-sm font-semibold text-slate-900">
          Requests and errors over time
        </h2>
        <ActivityChart activity={activity} />
      </section>
      {page.rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">
          {isFiltered(filters) || query.cursor
            ? 'No SCIM requests match these filters in this time range. Widen the time range or clear the filters.'
            : 'No SCIM requests yet: paste the endpoint and a token into your IdP, then test the connection. Connected earlier? Widen the time range.'}
        </p>
      ) : (
        <SyncLogTable rows={page.rows} basePath={basePath} />
      )}
      <SyncLogPager filters={filters} newerCursor={page.newerCursor} olderCursor={page.olderCursor} />
    </div>
  );
}
