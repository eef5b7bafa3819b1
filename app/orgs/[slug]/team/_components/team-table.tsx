import type { MemberRowDto } from '@/lib/members/member-row-dto';
import type { LastSignInDto } from '@/lib/members/find-last-sign-ins';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { InviteLinkButton } from './invite-link-button';
import { LastSignInCell } from './last-sign-in-cell';
import { MemberActions } from './member-actions';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

export function TeamTable({
  rows,
  slug,
  isOwner,
  canManage = isOwner,
  selfMemberId,
  filtered,
  signIns = {},
}: {
  rows: MemberRowDto[];
  slug: string;
  isOwner: boolean;
  canManage?: boolean;
  selfMemberId: string;
  filtered: boolean;
  signIns?: Record<string, LastSignInDto>;
}) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">
        {filtered
          ? 'Nobody matches these filters. Clear the search to see everyone.'
          : 'Nobody here yet. Add people by hand, or connect your identity provider under Security.'}
      </p>
    );
  }
  return (
    <Table caption="Team members">
      <TableHead className="bg-slate-50">
        <TableRow>
          {['Name', 'Email', 'Role', 'Role from', 'Status', 'Source', 'Groups', 'Added', 'Last sign-in'].map((heading) => (
            <TableHeaderCell key={heading}>{heading}</TableHeaderCell>
          ))}
          {canManage ? (
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          ) : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-member-id={row.id}>
            <TableHeaderCell scope="row" className="whitespace-nowrap">
              {row.name}
              {row.id === selfMemberId ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
            </TableHeaderCell>
            <TableCell className="text-slate-700">{row.email ?? row.userName}</TableCell>
            <TableCell className="capitalize">{row.role}</TableCell>
            <TableCell className="text-xs text-slate-600" data-testid="role-from">
              {row.roleFrom || '—'}
            </TableCell>
            <TableCell>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-medium ${row.status === 'active' ? 'bg-green-50 text-green-800' : 'bg-amber-50 text-amber-800'}`}
              >
                {row.status === 'active' ? 'Active' : 'Suspended'}
              </span>
            </TableCell>
            <TableCell>
              {row.source === 'scim' ? (
                <span
                  className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-800"
                  title="Managed by your identity provider: name, email and status change only there"
                >
                  SCIM
                </span>
              ) : (
                <span className="text-xs text-slate-600">Manual{row.invitePending ? ' · invited' : ''}</span>
              )}
            </TableCell>
            <TableCell className="text-xs text-slate-600">{row.groups.length ? row.groups.join(', ') : '—'}</TableCell>
            <TableCell className="whitespace-nowrap text-slate-600">{dateFormat.format(new Date(row.createdAt))}</TableCell>
            <LastSignInCell signIn={signIns[row.id]} />
            {canManage ? (
              <TableCell className="text-right">
                <MemberActions
                  slug={slug}
                  member={{
                    id: row.id,
                    name: row.name,
                    role: row.role,
                    managedByIdp: row.source === 'scim',
                    roleFromDirectory: row.roleFromDirectory ? row.roleFrom : null,
                    canSignIn: row.hasAccount && row.status === 'active',
                  }}
                  canChangeRoles={isOwner}
                />
                {isOwner && row.status === 'active' && !row.hasAccount ? (
                  <InviteLinkButton slug={slug} member={{ id: row.id, name: row.name, invitePending: row.invitePending }} />
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
