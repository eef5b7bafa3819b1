import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { getDb } from '@/lib/database';
import { requireMember } from '@/lib/auth/guards';
import { findGroups } from '@/lib/groups/find-groups';

export const metadata: Metadata = { title: 'Groups' };

const querySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export default async function GroupsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await requireMember((await params).slug);
  const query = querySchema.parse(await searchParams);
  const result = await findGroups(await getDb(), org.id, query);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Groups</h1>
          <p className="text-sm text-slate-600">
            {result.total} {result.total === 1 ? 'group' : 'groups'}, pushed by your identity provider
          </p>
        </div>
        <form role="search" method="get" className="flex items-end gap-2">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">Search</span>
            <input name="q" defaultValue={query.q ?? ''} className="rounded-md border-0 px-3 py-1.5 text-sm ring-1 ring-slate-300" />
          </label>
          <Button type="submit" variant="secondary" size="sm">
            Apply
          </Button>
        </form>
      </div>
      {result.rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">
          {query.q
            ? 'No group matches this search.'
            : 'No groups yet. Push groups from your identity provider (Okta: Push Groups; Entra: assign groups to the app).'}
        </p>
      ) : (
        <Table caption="Groups">
          <TableHead className="bg-slate-50">
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Members</TableHeaderCell>
              <TableHeaderCell>External id</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.rows.map((group) => (
              <TableRow key={group.id}>
                <TableHeaderCell scope="row">
                  <Link className="text-indigo-700 underline" href={`/orgs/${org.slug}/groups/${group.id}`}>
                    {group.displayName}
                  </Link>
                </TableHeaderCell>
                <TableCell>{group.memberCount.toLocaleString('en')}</TableCell>
                <TableCell className="text-slate-600">{group.externalId ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {result.pageCount > 1 ? (
        <nav aria-label="Pagination" className="flex justify-between text-sm">
          {result.page > 1 ? (
            <Link className="text-indigo-700 underline" href={`?page=${result.page - 1}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}`}>
              Previous
            </Link>
          ) : (
            <span />
          )}
          <span>
            Page {result.page} of {result.pageCount}
          </span>
          {result.page < result.pageCount ? (
            <Link className="text-indigo-700 underline" href={`?page=${result.page + 1}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}`}>
              Next
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
