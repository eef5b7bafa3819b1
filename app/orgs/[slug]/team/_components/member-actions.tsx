'use client';

import { useActionState, useEffect, useState } from 'react';
import type { MemberRole } from '@/db/schema';
import { removeMemberAction, setMemberRoleAction } from '../actions';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { RowError } from '@/components/row-error';
import { Button } from '@/components/ui/button';

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
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  useEffect(() => {
    // The answer shows under the row (RowError); the dialog has done its job either way.
    if (removeResult) setConfirmingRemove(false);
  }, [removeResult]);
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
          <Button type="submit" variant="outline" size="xs" disabled={rolePending} aria-label={`${makeOwner ? 'Make owner' : 'Remove owner'}: ${member.name}`}>
            {makeOwner ? 'Make owner' : 'Remove owner'}
          </Button>
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
        <>
          <Button variant="danger" size="xs" disabled={removePending} onClick={() => setConfirmingRemove(true)} aria-label={`Remove ${member.name}`}>
            Remove
          </Button>
          <ConfirmDialog
            open={confirmingRemove}
            onClose={() => setConfirmingRemove(false)}
            title={`Remove ${member.name} from the team?`}
            description="They lose access to this organization at once. You can add them again later."
            action={removeAction}
            confirmLabel="Remove"
            pendingText="Removing…"
          >
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="memberId" value={member.id} />
          </ConfirmDialog>
        </>
      ) : null}
      <RowError result={result} />
    </div>
  );
}
