'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/**
 * Keeps the team page current while an IdP syncs: the server pushes "changed" over SSE and the
 * page re-renders its server components in place (no reload, filters and scroll kept).
 */
export function LiveRefresh({ slug }: { slug: string }) {
  const router = useRouter();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/orgs/${slug}/team/events`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('team', () => router.refresh());
    return () => source.close();
  }, [slug, router]);
  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-500" data-testid="live-status" data-live={live}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${live ? 'bg-green-500' : 'bg-slate-300'}`} />
      {live ? 'Live' : 'Connecting…'}
    </span>
  );
}
