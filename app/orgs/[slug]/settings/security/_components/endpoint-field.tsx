import { CopyButton } from '@/components/copy-button';

/** The SCIM base URL in a read-only field (selectable by hand too) with a copy button. */
export function EndpointField({ url }: { url: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor="scim-endpoint" className="block text-sm font-medium text-slate-800">
        SCIM endpoint URL
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="scim-endpoint"
          readOnly
          value={url}
          aria-describedby="scim-endpoint-hint"
          className="block w-full min-w-0 rounded-md border-0 bg-slate-50 px-3 py-2 font-mono text-sm ring-1 ring-inset ring-slate-300"
        />
        <div className="shrink-0">
          <CopyButton value={url} label="Copy endpoint" />
        </div>
      </div>
      <p id="scim-endpoint-hint" className="text-xs text-slate-500">
        Entra calls it Tenant URL, Okta SCIM 2.0 Base URL, OneLogin SCIM Base URL, JumpCloud Base URL.
      </p>
    </div>
  );
}
