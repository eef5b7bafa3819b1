'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: showModal() gives the focus trap, the inert page behind and
 * Escape for free. Focus moves to the first field (or the dialog) on open and returns to the
 * element that opened it on close, whatever closed it (Escape, a Cancel button, a form).
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>('[autofocus], input:not([type=hidden]), select, textarea, button');
      (first ?? dialog).focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      tabIndex={-1}
      onClose={() => {
        // Runs for Escape and for close(); the opener may have been re-rendered, so check it is still there.
        if (opener.current?.isConnected) opener.current.focus();
        onClose();
      }}
      // text-left: a dialog opened from a right-aligned table cell inherited its alignment (issue 13).
      className="m-auto max-h-[calc(100vh-2rem)] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto rounded-lg bg-white p-0 text-left shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="space-y-4 p-5">
          <div>
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            {description ? (
              <div id={descriptionId} className="mt-1 text-sm text-slate-600">
                {description}
              </div>
            ) : null}
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
