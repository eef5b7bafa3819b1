import type { ReactNode } from 'react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { idpLabel } from '@/lib/audit/sync-log-query';
import { EndpointField } from './endpoint-field';
import { formatDateTime, relativeTime } from './format';

export type DirectorySyncStatusDto = {
  endpoint: string;
  /** Latest successful call by any token (tokens.last_used_at); null = never connected. */
  lastSyncAt: string | null;
  idp: string | null;
  requests24h: number;
  errors24h: number;
  activeTokens: number;
  latestFailure: { key: string; occurredAt: string; status: number; path: string | null; explanation: string } | null;
};

const DAY = 86_400_000;

export function DirectorySyncCard({
  slug,
  orgName,
  status,
  children,
}: {
  slug: string;
  orgName: string;
  status: DirectorySyncStatusDto;
  children?: ReactNode;
}) {
  const connected = status.lastSyncAt !== null;
  const stale = connected && Date.now() - new Date(status.lastSyncAt ?? 0).getTime() > DAY;
  return (
    <Card
      title="Directory Sync"
      description={`Keep ${orgName}'s team in sync with Microsoft Entra ID, Okta, OneLogin or JumpCloud over SCIM 2.0.`}
      actions={
        <Link href={`/orgs/${slug}/settings/security/sync-log`} className="text-sm font-semibold text-indigo-700 underline">
          Open the sync log
        </Link>
      }
    >
      <div className="space-y-5">
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-medium text-slate-600">Status</dt>
            <dd className="mt-1 flex flex-wrap items-center gap-2" data-testid="sync-status">
              {connected ? <Badge tone={stale ? 'warning' : 'success'}>Connected</Badge> : <Badge>Not connected</Badge>}
              {status.lastSyncAt ? (
                <span className="text-slate-700" title={formatDateTime(status.lastSyncAt)}>
                  last sync {relativeTime(status.lastSyncAt)}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">Identity provider</dt>
            <dd className="mt-1 text-slate-800" data-testid="sync-idp">
              {status.idp ? idpLabel(status.idp) : 'None detected yet'}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">Last 24 hours</dt>
            <dd className="mt-1 text-slate-800">
              {status.requests24h} {status.requests24h === 1 ? 'request' : 'requests'},{' '}
              <span className={status.errors24h > 0 ? 'font-semibold text-red-700' : ''}>
                {status.errors24h} {status.errors24h === 1 ? 'error' : 'errors'}
              </span>
            </dd>
          </div>
        </dl>
        {!connected ? (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
            Not connected yet: create a token below, then paste the endpoint and the token into your identity provider. This turns to Connected on its first
            call.
          </p>
        ) : null}
        {stale ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            No successful sync in the last 24 hours: check the provisioning job in your identity provider.
          </p>
        ) : null}
        {connected && status.activeTokens === 0 ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            No active token: your identity provider cannot sync until you add one and paste it in.
          </p>
        ) : null}
        {status.latestFailure ? (
          <div role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="latest-failure">
            <p className="font-semibold">
              Latest failed call: HTTP {status.latestFailure.status}
              {status.latestFailure.path ? ` on ${status.latestFailure.path}` : ''}, {relativeTime(status.latestFailure.occurredAt)}
            </p>
            <p className="mt-1">{status.latestFailure.explanation}</p>
            <Link className="mt-1 inline-block font-medium underline" href={`/orgs/${slug}/settings/security/sync-log/${status.latestFailure.key}`}>
              See what was sent
            </Link>
          </div>
        ) : null}
        <EndpointField url={status.endpoint} />
        {children}
      </div>
    </Card>
  );
}
