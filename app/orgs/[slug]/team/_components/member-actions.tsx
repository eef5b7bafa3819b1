'use client';

import { useActionState } from 'react';
import type { MemberRole } from '@/db/schema';
import { removeMemberAction, setMemberRoleAction } from '../actions';
import { RowError } from '@/components/row-error';

type MemberActionsProps = {
  slug: string;
  /** roleFromDirectory: "via <group>" when a mapped group gives the role (not changeable here). */
  member: { id: string; name: string; role: MemberRole; managedByIdp: boolean; roleFromDirectory: string | null; canSignIn: boolean };
  /** Owners change roles; admins only add and remove people added by hand (README "Access policy"). */
  canChangeRoles: boolean;
};

/** Per-row controls. The server actions re-check the caller's role; these only hide what would be refused. */
export function MemberActions({ slug, member, canChangeRoles }: MemberActionsProps) {
  const [roleResult, roleAction, rolePending] = useActionState(setMemberRoleAction, null);
  const [removeResult, removeAction, removePending] = useActionState(removeMemberAction, null);
  const result = removeResult ?? roleResult;
  const makeOwner = member.role !== 'owner';
  const ownerByDirectory = member.role === 'owner' && member.roleFromDirectory !== null;
  // An owner who cannot sign in (no account yet, or suspended) could not act as one (issue 13).
  const offerRole = !makeOwner || member.canSignIn;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {canChangeRoles && ownerByDirectory ? (
        <span
          className="text-xs text-slate-500"
          title="A group mapped to the owner role gives this role: change it in your identity provider or in the role mapping under Security"
        >
          Owner {member.roleFromDirectory}
        </span>
      ) : null}
      {canChangeRoles && !ownerByDirectory && offerRole ? (
        <form action={roleAction}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="memberId" value={member.id} />
          <input type="hidden" name="role" value={makeOwner ? 'owner' : 'member'} />
          <button
            type="submit"
            disabled={rolePending}
            className="rounded-md px-2 py-1 text-xs font-semibold text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50 disabled:opacity-50"
            aria-label={`${makeOwner ? 'Make owner' : 'Remove owner'}: ${member.name}`}
          >
            {makeOwner ? 'Make owner' : 'Remove owner'}
          </button>
        </form>
      ) : null}
      {member.managedByIdp ? (
        <span
          className="text-xs text-slate-500"
          title="People provisioned over SCIM are removed by your identity provider, or they would come back on its next sync"
        >
          Remove in your IdP
        </span>
      ) : canChangeRoles || member.role !== 'owner' ? (
        <form
          action={removeAction}
          onSubmit={(e) => {
            if (!window.confirm(`Remove ${member.name} from the team?`)) e.preventDefault();
          }}
        >
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="memberId" value={member.id} />
          <button
            type="submit"
            disabled={removePending}
            className="rounded-md px-2 py-1 text-xs font-semibold text-red-700 ring-1 ring-red-200 hover:bg-red-50 disabled:opacity-50"
            aria-label={`Remove ${member.name}`}
          >
            Remove
          </button>
        </form>
      ) : null}
      <RowError result={result} />
    </div>
  );
}
