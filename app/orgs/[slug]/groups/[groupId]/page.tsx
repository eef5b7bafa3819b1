import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { requireMember } from '@/lib/auth/guards';
import { findGroupMemberPage } from '@/lib/groups/find-group-member-page';

export const metadata: Metadata = { title: 'Group' };

const idSchema = z.uuid();

export default async function GroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; groupId: string }>;
  searchParams: Promise<{ after?: string | string[] }>;
}) {
  const { slug, groupId } = await params;
  const { org } = await requireMember(slug);
  const id = idSchema.safeParse(groupId);
  if (!id.success) notFound();
  const after = idSchema.safeParse((await searchParams).after);
  const result = await findGroupMemberPage(await getDb(), org.id, id.data, after.success ? after.data : undefined);
  if (!result) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/orgs/${org.slug}/groups`} className="text-sm text-indigo-700 underline">
          All groups
        </Link>
        <h1 className="mt-2 text-xl font-semibold">{result.group.displayName}</h1>
        <p className="text-sm text-slate-600">
          {result.total.toLocaleString('en')} {result.total === 1 ? 'member' : 'members'}
        </p>
      </div>
      {result.members.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">No members {after.success ? 'on this page' : 'yet'}.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" aria-label="Members">
          {result.members.map((m) => (
            <li key={m.id} className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm">
              <span className="font-medium">{m.name}</span>
              <span className="text-slate-600">
                {m.email}
                {m.status === 'suspended' ? ' · suspended' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pagination" className="flex justify-between text-sm">
        {after.success ? (
          <Link className="text-indigo-700 underline" href="?">
            First page
          </Link>
        ) : (
          <span />
        )}
        {result.nextAfter ? (
          <Link className="text-indigo-700 underline" href={`?after=${result.nextAfter}`}>
            Next members
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
