'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { revokeScimTokenAction } from '../actions';

// The revoked token's Revoke button and dialog leave the page with the refresh that shows the
// token revoked, so focus would fall to <body> (issue 13): the row's name takes it instead.
let focusAfterRevoke: string | null = null;

/** The token's name cell content; takes focus when this token was just revoked from this page. */
export function TokenNameFocus({ tokenId, children }: { tokenId: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusAfterRevoke !== tokenId) return;
    focusAfterRevoke = null;
    ref.current?.focus();
  });
  return (
    <div ref={ref} tabIndex={-1} className="flex flex-wrap items-center gap-2 rounded outline-offset-2 focus:outline-2 focus:outline-indigo-600">
      {children}
    </div>
  );
}

/** Revoke asks first, naming what breaks: the IdP's next call with this token gets a 401. */
export function RevokeTokenButton({ slug, token }: { slug: string; token: { id: string; name: string; prefix: string } }) {
  const [open, setOpen] = useState(false);
  const [result, action] = useActionState(revokeScimTokenAction, null);
  useEffect(() => {
    if (result?.ok) setOpen(false);
  }, [result]);
  return (
    <>
      <Button variant="danger" className="px-2 py-1 text-xs" onClick={() => setOpen(true)} aria-label={`Revoke ${token.name}`}>
        Revoke
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Revoke “${token.name}”?`}
        description={`Any identity provider using ${token.prefix}… gets 401 Unauthorized on its very next request. This cannot be undone.`}
      >
        <form action={action} className="space-y-3" onSubmit={() => (focusAfterRevoke = token.id)}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="tokenId" value={token.id} />
          {result && !result.ok ? <FormMessage result={result} /> : null}
          <p className="text-sm text-slate-600">Rotating? Add the new token and paste it into your IdP first; its “first used” time shows when it took over.</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <SubmitButton variant="danger" pendingText="Revoking…">
              Revoke token
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
