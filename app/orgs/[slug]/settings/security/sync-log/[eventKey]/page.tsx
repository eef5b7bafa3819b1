import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getDb } from '@/lib/database';
import { explainFailure } from '@/lib/audit/audit-activity';
import { getSyncLogEvent } from '@/lib/audit/find-audit-events';
import { idpLabel } from '@/lib/audit/sync-log-query';
import { requireOwner } from '@/lib/auth/guards';
import { formatDateTimeSeconds } from '../../_components/format';
import { actionLabel, StatusBadge } from '../_components/sync-log-table';

export const metadata: Metadata = { title: 'Sync log event' };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-4 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="break-words text-sm text-slate-900 sm:col-span-3">{children}</dd>
    </div>
  );
}

function List({ items, empty, mono = false }: { items: string[]; empty: string; mono?: boolean }) {
  if (items.length === 0) return <span className="text-slate-500">{empty}</span>;
  return (
    <ul className="space-y-0.5">
      {items.map((item, i) => (
        <li key={`${i}-${item}`} className={mono ? 'break-all font-mono text-xs' : ''}>
          {item}
        </li>
      ))}
    </ul>
  );
}

/** One SCIM request as Roster saw it: the redacted summary, never a body, token or password. */
export default async function SyncLogEventPage({ params }: { params: Promise<{ slug: string; eventKey: string }> }) {
  const { slug, eventKey } = await params;
  const { org } = await requireOwner(slug);
  const event = await getSyncLogEvent(await getDb(), org.id, eventKey);
  if (!event) notFound();
  const failed = event.status !== null && event.status >= 400;
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/orgs/${org.slug}/settings/security/sync-log`} className="text-sm text-indigo-700 underline">
          ← Sync log
        </Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-2 text-xl font-semibold">
          {actionLabel(event.action)} <StatusBadge status={event.status} />
        </h1>
        <p className="text-sm text-slate-600">
          {formatDateTimeSeconds(event.occurredAt)}
          {event.resourceName ? (
            <>
              {' '}
              · <span className="font-medium text-slate-900">{event.resourceName}</span>
            </>
          ) : null}
        </p>
      </div>
      {failed ? (
        <div role="status" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">What went wrong</p>
          <p>{explainFailure({ action: event.action, status: event.status ?? 0, detail: event.errorDetail, scimType: event.errorType })}</p>
        </div>
      ) : null}
      <section aria-label="Request" className="rounded-lg bg-white px-4 py-2 ring-1 ring-slate-200 sm:px-6">
        <dl className="divide-y divide-slate-100">
          <Row label="Request">
            <code className="break-all">
              {event.method ?? '—'} {event.path ?? ''}
            </code>
          </Row>
          <Row label="Status">{event.status ?? '—'}</Row>
          <Row label="Error">
            {event.errorDetail ? `${event.errorType ? `${event.errorType}: ` : ''}${event.errorDetail}` : <span className="text-slate-500">none</span>}
          </Row>
          <Row label="Filter">{event.filter ? <code className="break-all text-xs">{event.filter}</code> : <span className="text-slate-500">none</span>}</Row>
          <Row label="PATCH operations">
            <List items={event.ops} empty="none" mono />
          </Row>
          <Row label="Attributes sent">
            <List items={event.attributes} empty="none recorded" mono />
          </Row>
          <Row label="Dialect adaptations applied">
            <List items={event.adaptations} empty="none: the request was standard SCIM" />
          </Row>
          <Row label="Dropped attributes">
            <List items={event.ignoredAttributes} empty="none" mono />
          </Row>
          <Row label="Notes">
            <List items={event.notes} empty="none" />
          </Row>
          {event.extra.map((e) => (
            <Row key={e.name} label={e.name}>
              {e.value}
            </Row>
          ))}
          <Row label={event.resourceType === 'Group' ? 'Group' : event.resourceType === 'User' ? 'Person' : 'Resource'}>
            {event.resourceName ? <span className="font-medium">{event.resourceName}</span> : (event.resourceType ?? '—')}
            {event.resourceId ? <code className="ml-2 text-xs text-slate-600">{event.resourceId}</code> : null}
          </Row>
          <Row label="Duration">{event.durationMs === null ? '—' : `${event.durationMs} ms`}</Row>
          <Row label="Identity provider">{idpLabel(event.idp)}</Row>
          <Row label="Token">{event.tokenName ?? '—'}</Row>
        </dl>
      </section>
    </div>
  );
}
