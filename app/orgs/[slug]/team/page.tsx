import type { Metadata } from 'next';
import { getDb } from '@/lib/database';
import { requireMember } from '@/lib/auth/guards';
import { findLastSignIns } from '@/lib/members/find-last-sign-ins';
import { findTeamMembers } from '@/lib/members/find-team-members';
import { teamQuerySchema } from '@/lib/validation/member';
import { findHeldDeprovisions } from '@/lib/policy/find-held-deprovisions';
import { AddMemberForm } from './_components/add-member-form';
import { HeldBanner } from './_components/held-banner';
import { hasScimToken } from '@/lib/tokens/has-scim-token';
import { ConnectIdpCallout } from './_components/connect-idp-callout';
import { LiveRefresh } from './_components/live-refresh';
import { TeamFilters } from './_components/team-filters';
import { TeamCount } from './_components/team-count';
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
  // Before the count: a live count taken after this moment is at least as new (TeamCount).
  const countedAt = Date.now();
  const db = await getDb();
  const team = await findTeamMembers(db, org.id, query);
  const signIns = await findLastSignIns(
    db,
    org.id,
    team.rows.map((r) => r.id),
  );
  const isOwner = member.role === 'owner';
  // Admins add and remove people by hand too (README "Access policy"); the actions re-check.
  const canManage = isOwner || member.role === 'admin';
  const held = isOwner ? await findHeldDeprovisions(db, org.id, 20) : null;
  const showConnect = isOwner && !(await hasScimToken(db, org.id));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-3 text-xl font-semibold">
            Team <LiveRefresh slug={org.slug} />
          </h1>
          <TeamCount slug={org.slug} orgName={org.name} total={team.total} countedAt={countedAt} filtered={Boolean(query.q || query.status || query.source)} />
        </div>
        <TeamFilters query={query} />
      </div>
      {showConnect ? <ConnectIdpCallout slug={org.slug} /> : null}
      {held ? <HeldBanner slug={org.slug} rows={held.rows} held={held.held} /> : null}
      {canManage ? <AddMemberForm slug={org.slug} canAddOwner={isOwner} /> : null}
      <TeamTable
        rows={team.rows}
        slug={org.slug}
        isOwner={isOwner}
        canManage={canManage}
        selfMemberId={member.id}
        filtered={Boolean(query.q || query.status || query.source)}
        signIns={signIns}
      />
      <TeamPagination page={team.page} pageCount={team.pageCount} query={query} />
    </div>
  );
}
