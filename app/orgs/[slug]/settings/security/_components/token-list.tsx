import { Badge } from '@/components/ui/badge';
import { idpLabel } from '@/lib/audit/sync-log-query';
import type { ScimTokenDto } from '@/lib/tokens/find-scim-tokens';
import { formatDate, formatDateTime, relativeTime } from './format';
import { RevokeTokenButton, TokenNameFocus } from './revoke-token-button';

function When({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-slate-400">never</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

function StateBadge({ token }: { token: ScimTokenDto }) {
  if (token.state === 'revoked') return <Badge tone="danger">Revoked</Badge>;
  if (token.state === 'expired') return <Badge tone="danger">Expired</Badge>;
  if (token.expiresSoon) return <Badge tone="warning">Expires soon</Badge>;
  return <Badge tone="success">Active</Badge>;
}

/** Every token of the org; several may be active while an IdP moves to a new one. */
export function TokenList({ slug, tokens }: { slug: string; tokens: ScimTokenDto[] }) {
  if (tokens.length === 0) {
    return (
      <p className="rounded-md bg-slate-50 px-4 py-6 text-center text-sm text-slate-600">
        No tokens yet. Add one, then paste it with the endpoint into your identity provider.
      </p>
    );
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">SCIM tokens</caption>
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Name
            </th>
            <th scope="col" className="py-2 pr-4">
              Scope
            </th>
            <th scope="col" className="py-2 pr-4">
              Token
            </th>
            <th scope="col" className="py-2 pr-4">
              Created
            </th>
            <th scope="col" className="py-2 pr-4">
              First used
            </th>
            <th scope="col" className="py-2 pr-4">
              Last used
            </th>
            <th scope="col" className="py-2 pr-4">
              Expires
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {tokens.map((token) => (
            <tr key={token.id} data-token-id={token.id} className={token.state === 'active' ? '' : 'text-slate-500'}>
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                <TokenNameFocus tokenId={token.id}>
                  {token.name} <StateBadge token={token} />
                </TokenNameFocus>
                {token.revokedAt ? <div className="text-xs font-normal">revoked {formatDate(token.revokedAt)}</div> : null}
              </th>
              <td className="whitespace-nowrap py-2 pr-4">{token.scopes.map((s) => s.label).join(', ')}</td>
              <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs">{token.prefix}…</td>
              <td className="py-2 pr-4">
                <div className="whitespace-nowrap">
                  <When iso={token.createdAt} />
                </div>
                <div className="text-xs text-slate-500">{token.createdBy ? `by ${token.createdBy}` : 'from the command line'}</div>
              </td>
              <td className="whitespace-nowrap py-2 pr-4">
                <When iso={token.firstUsedAt} />
              </td>
              <td className="py-2 pr-4">
                <div className="whitespace-nowrap">
                  <When iso={token.lastUsedAt} />
                </div>
                {token.lastUsedAt ? (
                  <div className="text-xs text-slate-500">
                    {idpLabel(token.lastUsedIdp)}
                    {token.lastUsedIp ? ` · ${token.lastUsedIp}` : ''}
                  </div>
                ) : null}
              </td>
              <td className="py-2 pr-4">
                {token.expiresAt ? (
                  <div className="whitespace-nowrap">
                    <When iso={token.expiresAt} />
                  </div>
                ) : (
                  <span className="text-slate-400">never</span>
                )}
                {token.expiresSoon ? (
                  <p className="mt-1 max-w-56 text-xs text-amber-800">
                    Entra quarantines a provisioning job whose token expires: add a new token and paste it in before then.
                  </p>
                ) : null}
              </td>
              <td className="py-2 text-right">
                {token.state === 'active' ? <RevokeTokenButton slug={slug} token={{ id: token.id, name: token.name, prefix: token.prefix }} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
