'use client';

/** Unexpected failures (e.g. the database is down) land here instead of a blank page. */
export default function SecurityError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg bg-white p-6 text-sm ring-1 ring-red-200">
      <h1 className="text-base font-semibold text-red-800">Security settings could not be loaded</h1>
      <p className="mt-1 text-slate-700">Nothing was changed. Try again; if it keeps failing, check that the database is reachable.</p>
      <button type="button" onClick={reset} className="mt-3 rounded-md bg-white px-3 py-1.5 font-semibold ring-1 ring-slate-300 hover:bg-slate-50">
        Try again
      </button>
    </div>
  );
}
