'use client';

import { Button } from '@/components/ui/button';

/** Unexpected failures (e.g. the database is down) land here instead of a blank page. */
export default function SecurityError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg bg-white p-6 text-sm ring-1 ring-red-200">
      <h1 className="text-base font-semibold text-red-800">Security settings could not be loaded</h1>
      <p className="mt-1 text-slate-700">Nothing was changed. Try again; if it keeps failing, check that the database is reachable.</p>
      <Button variant="secondary" size="sm" onClick={reset} className="mt-3 shadow-none">
        Try again
      </Button>
    </div>
  );
}
