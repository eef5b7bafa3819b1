/** Shown while the sync log's page and chart queries run. */
export default function SyncLogLoading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the sync log…</p>
      <div className="h-7 w-32 animate-pulse rounded bg-slate-200" />
      <div className="h-12 animate-pulse rounded bg-slate-100" />
      <div className="h-44 animate-pulse rounded-lg bg-white ring-1 ring-slate-200" />
      <div className="h-64 animate-pulse rounded-lg bg-white ring-1 ring-slate-200" />
    </div>
  );
}
