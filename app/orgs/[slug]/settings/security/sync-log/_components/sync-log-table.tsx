import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { SyncEventRowDto } from '@/lib/audit/find-audit-events';
import { idpLabel } from '@/lib/audit/sync-log-query';
import { formatDateTimeSeconds } from '../../_components/format';

/** "scim.user.create" → "User create"; the two non-resource actions get words of their own. */
export function actionLabel(action: string): string {
  if (action === 'scim.auth.fail') return 'Authentication failed';
  if (action === 'scim.request.invalid') return 'Invalid request';
  const [, resource = '', op = ''] = action.split('.');
  return `${resource[0]?.toUpperCase() ?? ''}${resource.slice(1)} ${op}`;
}

export function StatusBadge({ status }: { status: number | null }) {
  if (status === null) return <Badge>—</Badge>;
  return <Badge tone={status >= 500 ? 'danger' : status >= 400 ? 'warning' : 'success'}>{status}</Badge>;
}

export function SyncLogTable({ rows, basePath }: { rows: SyncEventRowDto[]; basePath: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">SCIM requests, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">
              Time (UTC)
            </th>
            <th scope="col" className="px-4 py-2">
              Operation
            </th>
            <th scope="col" className="px-4 py-2">
              Person or group
            </th>
            <th scope="col" className="px-4 py-2">
              Request
            </th>
            <th scope="col" className="px-4 py-2">
              Status
            </th>
            <th scope="col" className="px-4 py-2">
              IdP
            </th>
            <th scope="col" className="px-4 py-2">
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key} className="align-top">
              <td className="whitespace-nowrap px-4 py-2">
                <Link
                  href={`${basePath}/${row.key}`}
                  className="font-medium text-indigo-700 underline"
                  aria-label={`${actionLabel(row.action)} at ${formatDateTimeSeconds(row.occurredAt)}: details`}
                >
                  {formatDateTimeSeconds(row.occurredAt).replace(' UTC', '')}
                </Link>
              </td>
              <th scope="row" className="whitespace-nowrap px-4 py-2 text-left font-medium">
                {actionLabel(row.action)}
              </th>
              <td className="max-w-xs break-words px-4 py-2">{row.resourceName ?? <span className="text-slate-400">—</span>}</td>
              <td className="max-w-md px-4 py-2">
                <code className="break-all text-xs">
                  {row.method ?? ''} {row.path ?? ''}
                </code>
                {row.filter ? <div className="break-all text-xs text-slate-500">filter: {row.filter}</div> : null}
                {row.errorDetail ? <div className="text-xs text-red-700">{row.errorDetail}</div> : null}
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={row.status} />
              </td>
              <td className="whitespace-nowrap px-4 py-2">{idpLabel(row.idp)}</td>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{row.durationMs === null ? '—' : `${row.durationMs} ms`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
