'use client';

import { useLiveTeamTotal } from './live-team-total';

/**
 * "1,001 people in Acme". Unfiltered, it shows the newer of the rendered count and the count the
 * live stream sent: during a sync burst the stream's count moves every few hundred ms while a
 * full re-render of the page can take seconds (issue 13). Filtered counts come from renders only.
 */
export function TeamCount({
  slug,
  orgName,
  total,
  countedAt,
  filtered,
}: {
  slug: string;
  orgName: string;
  total: number;
  countedAt: number;
  filtered: boolean;
}) {
  const live = useLiveTeamTotal(slug);
  const shown = !filtered && live && live.at > countedAt ? live.total : total;
  return (
    <p className="text-sm text-slate-600" data-testid="team-count">
      {shown.toLocaleString('en-US')} {shown === 1 ? 'person' : 'people'} {filtered ? 'match' : 'in'} {orgName}
    </p>
  );
}
