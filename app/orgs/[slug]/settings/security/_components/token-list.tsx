import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
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
    <Table caption="SCIM tokens" density="inset">
      <TableHead>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Scope</TableHeaderCell>
          <TableHeaderCell>Token</TableHeaderCell>
          <TableHeaderCell>Created</TableHeaderCell>
          <TableHeaderCell>First used</TableHeaderCell>
          <TableHeaderCell>Last used</TableHeaderCell>
          <TableHeaderCell>Expires</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody className="align-top">
        {tokens.map((token) => (
          <TableRow key={token.id} data-token-id={token.id} className={token.state === 'active' ? '' : 'text-slate-500'}>
            <TableHeaderCell scope="row">
              <TokenNameFocus tokenId={token.id}>
                {token.name} <StateBadge token={token} />
              </TokenNameFocus>
              {token.revokedAt ? <div className="text-xs font-normal">revoked {formatDate(token.revokedAt)}</div> : null}
            </TableHeaderCell>
            <TableCell className="whitespace-nowrap">{token.scopes.map((s) => s.label).join(', ')}</TableCell>
            <TableCell className="whitespace-nowrap font-mono text-xs">{token.prefix}…</TableCell>
            <TableCell>
              <div className="whitespace-nowrap">
                <When iso={token.createdAt} />
              </div>
              <div className="text-xs text-slate-500">{token.createdBy ? `by ${token.createdBy}` : 'from the command line'}</div>
            </TableCell>
            <TableCell className="whitespace-nowrap">
              <When iso={token.firstUsedAt} />
            </TableCell>
            <TableCell>
              <div className="whitespace-nowrap">
                <When iso={token.lastUsedAt} />
              </div>
              {token.lastUsedAt ? (
                <div className="text-xs text-slate-500">
                  {idpLabel(token.lastUsedIdp)}
                  {token.lastUsedIp ? ` · ${token.lastUsedIp}` : ''}
                </div>
              ) : null}
            </TableCell>
            <TableCell>
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
            </TableCell>
            <TableCell className="text-right">
              {token.state === 'active' ? <RevokeTokenButton slug={slug} token={{ id: token.id, name: token.name, prefix: token.prefix }} /> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
