import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { attributeMap, idpGuides } from './idp-guides';

/**
 * One <details> per IdP: keyboard- and screen-reader-friendly without script, and several can be
 * open at once to compare. The mappings and the limits apply to all of them.
 */
export function SetupGuide() {
  return (
    <section aria-labelledby="setup-guide-title" className="space-y-3">
      <h3 id="setup-guide-title" className="text-sm font-semibold text-slate-900">
        Setup guide
      </h3>
      <div className="divide-y divide-slate-200 rounded-md ring-1 ring-slate-200">
        {idpGuides.map((guide) => (
          <details key={guide.id} className="group px-4 py-3">
            <summary className="cursor-pointer text-sm font-medium text-slate-900">
              {guide.name}
              <span className="ml-2 text-xs font-normal text-slate-500">
                endpoint → {guide.endpointField}, token → {guide.tokenField}
              </span>
            </summary>
            <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-slate-700">
              {guide.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-xs text-slate-600">
              {guide.caveats.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </details>
        ))}
        <details className="px-4 py-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-900">Recommended attribute mappings</summary>
          <Table caption="Attribute mappings from the IdP to Roster" density="compact" className="text-xs" wrapperClassName="mt-3">
            <TableHead className="normal-case tracking-normal">
              <TableRow>
                <TableHeaderCell>IdP source (Entra names)</TableHeaderCell>
                <TableHeaderCell>SCIM attribute</TableHeaderCell>
                <TableHeaderCell>Roster field</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody className="text-slate-800">
              {attributeMap.map(([source, scim, field]) => (
                <TableRow key={scim}>
                  <TableCell>{source}</TableCell>
                  <TableCell className="font-mono">{scim}</TableCell>
                  <TableCell>{field}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </details>
        <details className="px-4 py-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-900">Not supported</summary>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>Google Workspace cannot push SCIM to custom apps, so it cannot provision Roster. Add people by hand or use one of the IdPs above.</li>
            <li>SCIM Bulk (/Bulk) is not supported: leave bulk operations off in your IdP.</li>
            <li>Password changes are not supported: passwords sent over SCIM are ignored, never stored.</li>
            <li>Nested groups: a group inside a group is not a member; its users must be assigned directly.</li>
          </ul>
        </details>
      </div>
    </section>
  );
}
