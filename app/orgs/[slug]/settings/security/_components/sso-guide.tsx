import { idpPresets } from '@/lib/sso/idp-presets';

/** Where each value goes in each IdP, what Roster matches on, and the vendor page it comes from. */
export function SsoGuide() {
  return (
    <section aria-labelledby="sso-guide-title" className="space-y-3">
      <h3 id="sso-guide-title" className="text-sm font-semibold text-slate-900">
        Setup guide
      </h3>
      <div className="divide-y divide-slate-200 rounded-md ring-1 ring-slate-200">
        {idpPresets.map((p) => (
          <details key={p.id} className="px-4 py-3">
            <summary className="cursor-pointer text-sm font-medium text-slate-900">
              {p.name}
              <span className="ml-2 text-xs font-normal text-slate-500">
                matches {p.claim} → {p.matchAttribute}
              </span>
            </summary>
            <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-slate-700">
              {p.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
            <p className="mt-2 text-xs text-slate-600">{p.why}</p>
            <ul className="mt-1 list-disc pl-5 text-xs text-slate-500">
              {p.sources.map((s) => (
                <li key={s}>
                  <a className="underline" href={s} rel="noreferrer" target="_blank">
                    {s}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </section>
  );
}
