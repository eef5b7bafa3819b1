'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';

const EVERY_MS = 3000;

/**
 * Re-renders the page in place every few seconds while the owner waits for their IdP's first
 * calls, so the setup checklist ticks without a reload (issue 13). Polling, not the team page's
 * event stream: the first calls are mostly reads (Test Connection, lookups), whose sync-log rows
 * leave in batches and signal nothing. Only while the tab is visible, one refresh at a time.
 */
export function RefreshWhileWaiting() {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const busy = useRef(false);
  useEffect(() => {
    busy.current = refreshing;
  }, [refreshing]);
  useEffect(() => {
    // An interval, not a timer per refresh: a tick skipped while the tab is hidden or a refresh
    // is still running must not stop the polling for good.
    const timer = setInterval(() => {
      if (busy.current || document.visibilityState !== 'visible') return;
      busy.current = true;
      startTransition(() => router.refresh());
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
