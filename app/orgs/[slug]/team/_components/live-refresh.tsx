'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { publishTeamTotal } from './live-team-total';

// A refresh that never seems to finish (a lost response) must not stop the page for good.
const STUCK_MS = 10_000;

/**
 * Keeps the team page current while an IdP syncs: the server pushes "changed" over SSE and the
 * page re-renders its server components in place (no reload, filters and scroll kept).
 *
 * One refresh at a time: a newer router.refresh() aborts the one in flight, so during a burst
 * (an event every 300 ms, a render slower than that) no refresh ever landed and the page froze
 * until the burst ended (issue 13). Events that arrive while a refresh is in flight only mark
 * the page stale; when the refresh lands, one more starts. The page so shows the newest state
 * every render-time, however many changes arrive; meanwhile each event's team size is shown at
 * once (TeamCount), since a render can take seconds while an IdP keeps the server busy.
 */
export function LiveRefresh({ slug }: { slug: string }) {
  const router = useRouter();
  const [live, setLive] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const inFlightSince = useRef<number | null>(null);
  const stale = useRef(false);

  const refresh = useCallback(() => {
    const since = inFlightSince.current;
    if (since !== null && Date.now() - since < STUCK_MS) {
      stale.current = true;
      return;
    }
    stale.current = false;
    inFlightSince.current = Date.now();
    startTransition(() => router.refresh());
  }, [router]);

  // The transition ends when the refreshed page has been committed: start the next if needed.
  useEffect(() => {
    if (refreshing) return;
    inFlightSince.current = null;
    if (stale.current) refresh();
  }, [refreshing, refresh]);

  useEffect(() => {
    const source = new EventSource(`/orgs/${slug}/team/events`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('team', (event: MessageEvent<string>) => {
      const data = parseTeamEvent(event.data);
      if (data) publishTeamTotal(slug, data);
      refresh();
    });
    return () => source.close();
  }, [slug, refresh]);

  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-500" data-testid="live-status" data-live={live}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${live ? 'bg-green-500' : 'bg-slate-300'}`} />
      {live ? 'Live' : 'Connecting…'}
    </span>
  );
}

function parseTeamEvent(text: string): { total: number; at: number } | null {
  try {
    const data = JSON.parse(text) as { total?: unknown; at?: unknown };
    return typeof data.total === 'number' && typeof data.at === 'number' ? { total: data.total, at: data.at } : null;
  } catch {
    return null;
  }
}
