import type { SuspendedMembershipDto } from '@/lib/orgs/find-suspended-memberships';

/** "Your access to <org> was suspended by its directory; ask <owners>." */
export function SuspendedNotice({ memberships }: { memberships: SuspendedMembershipDto[] }) {
  return (
    <div className="space-y-3">
      {memberships.map((m) => (
        <div key={m.orgId} role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-semibold">Your access to {m.orgName} was suspended by the organization’s directory.</p>
          <p className="mt-1">
            Your identity provider (for example Microsoft Entra ID or Okta) no longer gives you access to Roster.{' '}
            {m.owners.length > 0 ? (
              <>
                Ask an owner of {m.orgName} to restore it: {m.owners.map((o) => (o.email ? `${o.name} (${o.email})` : o.name)).join(', ')}.
              </>
            ) : (
              <>Ask your IT team to restore it.</>
            )}
          </p>
        </div>
      ))}
    </div>
  );
}
