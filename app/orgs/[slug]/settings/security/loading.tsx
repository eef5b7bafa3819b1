/** Shown while the security page's queries run. */
export default function SecurityLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading security settings…</p>
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-40 animate-pulse rounded-lg bg-white ring-1 ring-slate-200" />
      ))}
    </div>
  );
}
