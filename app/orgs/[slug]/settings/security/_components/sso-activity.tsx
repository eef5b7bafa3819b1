import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import type { SsoActivityDto } from '@/lib/sso/find-sso-activity';
import { formatDateTime } from './format';

/** Latest sign-in events: SSO sign-ins and refusals with their reason, tests, settings, invites. */
export function SsoActivity({ events }: { events: SsoActivityDto[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No sign-in activity yet.</p>;
  return (
    <Table caption="Sign-in activity" density="compact" className="text-xs">
      <TableHead className="normal-case tracking-normal">
        <TableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Who</TableHeaderCell>
          <TableHeaderCell>What</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody className="text-slate-800">
        {events.map((e) => (
          <TableRow key={e.id}>
            <TableCell className="whitespace-nowrap">{formatDateTime(e.at)}</TableCell>
            <TableCell>{e.who ?? '—'}</TableCell>
            <TableCell>{e.outcome}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
