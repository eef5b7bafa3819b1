import type { MemberRowDto } from '@/lib/members/member-row-dto';
import type { LastSignInDto } from '@/lib/members/find-last-sign-ins';
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
    // relative: the visually hidden "Actions" header is absolutely positioned and, without a
    // positioned ancestor inside the scroll area, widened the page to 837 px on a phone (issue 13).
    <div className="relative overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Team members</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">
              Name
            </th>
            <th scope="col" className="px-4 py-2">
              Email
            </th>
            <th scope="col" className="px-4 py-2">
              Role
            </th>
            <th scope="col" className="px-4 py-2">
              Role from
            </th>
            <th scope="col" className="px-4 py-2">
              Status
            </th>
            <th scope="col" className="px-4 py-2">
              Source
            </th>
            <th scope="col" className="px-4 py-2">
              Groups
            </th>
            <th scope="col" className="px-4 py-2">
              Added
            </th>
            <th scope="col" className="px-4 py-2">
              Last sign-in
            </th>
            {canManage ? (
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-member-id={row.id}>
              <th scope="row" className="whitespace-nowrap px-4 py-2 text-left font-medium">
                {row.name}
                {row.id === selfMemberId ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
              </th>
              <td className="px-4 py-2 text-slate-700">{row.email ?? row.userName}</td>
              <td className="px-4 py-2 capitalize">{row.role}</td>
              <td className="px-4 py-2 text-xs text-slate-600" data-testid="role-from">
                {row.roleFrom || '—'}
              </td>
              <td className="px-4 py-2">
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${row.status === 'active' ? 'bg-green-50 text-green-800' : 'bg-amber-50 text-amber-800'}`}
                >
                  {row.status === 'active' ? 'Active' : 'Suspended'}
                </span>
              </td>
              <td className="px-4 py-2">
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
              </td>
              <td className="px-4 py-2 text-xs text-slate-600">{row.groups.length ? row.groups.join(', ') : '—'}</td>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{dateFormat.format(new Date(row.createdAt))}</td>
              <LastSignInCell signIn={signIns[row.id]} />
              {canManage ? (
                <td className="px-4 py-2 text-right">
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
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
