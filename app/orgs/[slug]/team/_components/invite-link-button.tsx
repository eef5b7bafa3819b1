'use client';

import { useActionState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Button } from '@/components/ui/button';
import { issueInviteAction } from '../invite-actions';
import { RowError } from '@/components/row-error';

/** For an active person with no account: make (or remake) their one-time invite link. */
export function InviteLinkButton({ slug, member }: { slug: string; member: { id: string; name: string; invitePending: boolean } }) {
  const [result, action, pending] = useActionState(issueInviteAction, null);
  const url = result?.ok ? result.data?.inviteUrl : undefined;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={action}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="memberId" value={member.id} />
        <Button
          type="submit"
          variant="secondary"
          size="xs"
          disabled={pending}
          aria-label={`${member.invitePending ? 'New invite link' : 'Invite link'}: ${member.name}`}
          className="text-slate-700 shadow-none"
        >
          {member.invitePending ? 'New invite link' : 'Invite link'}
        </Button>
      </form>
      {url ? (
        <span className="flex w-full flex-wrap items-center justify-end gap-2" role="status">
          <code className="max-w-xs truncate rounded bg-slate-100 px-2 py-1 text-xs" data-testid="member-invite-url">
            {url}
          </code>
          <CopyButton value={url} label="Copy invite link" />
        </span>
      ) : null}
      <RowError result={result} />
    </div>
  );
}
