'use client';

import { useSyncExternalStore } from 'react';

/** The team's size as the live stream last reported it, and when it was counted (server ms). */
export type LiveTotal = { total: number; at: number };

// Per browser tab and per org: the stream (LiveRefresh) publishes, the count (TeamCount) reads.
const latest = new Map<string, LiveTotal>();
const listeners = new Set<() => void>();

export function publishTeamTotal(slug: string, value: LiveTotal): void {
  const known = latest.get(slug);
  if (known && known.at > value.at) return;
  latest.set(slug, value);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveTeamTotal(slug: string): LiveTotal | null {
  return useSyncExternalStore(
    subscribe,
    () => latest.get(slug) ?? null,
    () => null,
  );
}
