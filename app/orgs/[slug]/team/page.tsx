import type { Metadata } from 'next';
import { getDb } from '@/lib/database';
import { requireMember } from '@/lib/auth/guards';
import { findLastSignIns } from '@/lib/members/find-last-sign-ins';
import { findTeamMembers } from '@/lib/members/find-team-members';
import { teamQuerySchema } from '@/lib/validation/member';
import { AddMemberForm } from './_components/add-member-form';
import { LiveRefresh } from './_components/live-refresh';
import { TeamFilters } from './_components/team-filters';
import { TeamPagination } from './_components/team-pagination';
import { TeamTable } from './_components/team-table';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org, member } = await requireMember((await params).slug);
  const query = teamQuerySchema.parse(await searchParams);
  const db = await getDb();
  const team = await findTeamMembers(db, org.id, query);
  const signIns = await findLastSignIns(db, org.id, team.rows.map((r) => r.id));
  const isOwner = member.role === 'owner';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-3 text-xl font-semibold">
            Team <LiveRefresh slug={org.slug} />
          </h1>
          <p className="text-sm text-slate-600">
            {team.total} {team.total === 1 ? 'person' : 'people'} {query.q || query.status || query.source ? 'match' : 'in'} {org.name}
          </p>
        </div>
        <TeamFilters query={query} />
      </div>
      {isOwner ? <AddMemberForm slug={org.slug} /> : null}
      <TeamTable rows={team.rows} slug={org.slug} isOwner={isOwner} selfMemberId={member.id} filtered={Boolean(query.q || query.status || query.source)} signIns={signIns} />
      <TeamPagination page={team.page} pageCount={team.pageCount} query={query} />
    </div>
  );
}
