import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
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
    <Table caption="SCIM requests, newest first">
      <TableHead className="bg-slate-50">
        <TableRow>
          {['Time (UTC)', 'Operation', 'Person or group', 'Request', 'Status', 'IdP', 'Duration'].map((heading) => (
            <TableHeaderCell key={heading}>{heading}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} className="align-top">
            <TableCell className="whitespace-nowrap">
              <Link
                href={`${basePath}/${row.key}`}
                className="font-medium text-indigo-700 underline"
                aria-label={`${actionLabel(row.action)} at ${formatDateTimeSeconds(row.occurredAt)}: details`}
              >
                {formatDateTimeSeconds(row.occurredAt).replace(' UTC', '')}
              </Link>
            </TableCell>
            <TableHeaderCell scope="row" className="whitespace-nowrap">
              {actionLabel(row.action)}
            </TableHeaderCell>
            <TableCell className="max-w-xs break-words">{row.resourceName ?? <span className="text-slate-400">—</span>}</TableCell>
            <TableCell className="max-w-md">
              <code className="break-all text-xs">
                {row.method ?? ''} {row.path ?? ''}
              </code>
              {row.filter ? <div className="break-all text-xs text-slate-500">filter: {row.filter}</div> : null}
              {row.errorDetail ? <div className="text-xs text-red-700">{row.errorDetail}</div> : null}
            </TableCell>
            <TableCell>
              <StatusBadge status={row.status} />
            </TableCell>
            <TableCell className="whitespace-nowrap">{idpLabel(row.idp)}</TableCell>
            <TableCell className="whitespace-nowrap text-slate-600">{row.durationMs === null ? '—' : `${row.durationMs} ms`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
