'use client';

import type { FormEventHandler, ReactNode } from 'react';
import { SubmitButton } from './submit-button';
import { Button } from './ui/button';
import { Dialog } from './ui/dialog';

/**
 * "Are you sure?" for a destructive form, on the Dialog (instead of window.confirm, which cannot
 * say what breaks, is styled by the browser and blocks the page). Focus lands on Cancel first.
 * children: the form's hidden fields and anything the person should read before confirming.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  action,
  onSubmit,
  confirmLabel,
  pendingText,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  action: (formData: FormData) => void;
  onSubmit?: FormEventHandler<HTMLFormElement>;
  confirmLabel: string;
  pendingText?: string;
  children?: ReactNode;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <form action={action} className="space-y-3" onSubmit={onSubmit}>
        {children}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <SubmitButton variant="danger" pendingText={pendingText}>
            {confirmLabel}
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
