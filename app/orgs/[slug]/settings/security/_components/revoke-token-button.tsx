'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormMessage } from '@/components/form-message';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Button } from '@/components/ui/button';
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
      <Button variant="danger" size="xs" onClick={() => setOpen(true)} aria-label={`Revoke ${token.name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Revoke “${token.name}”?`}
        description={`Any identity provider using ${token.prefix}… gets 401 Unauthorized on its very next request. This cannot be undone.`}
        action={action}
        onSubmit={() => (focusAfterRevoke = token.id)}
        confirmLabel="Revoke token"
        pendingText="Revoking…"
      >
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="tokenId" value={token.id} />
        {result && !result.ok ? <FormMessage result={result} /> : null}
        <p className="text-sm text-slate-600">Rotating? Add the new token and paste it into your IdP first; its “first used” time shows when it took over.</p>
      </ConfirmDialog>
    </>
  );
}
