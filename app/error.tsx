'use client';

import { Button } from '@/components/ui/button';

/** Unexpected errors: a plain message and a retry, never the error's text or stack. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">Nothing was changed. Try again; if it keeps happening, the server log has the details.</p>
      <Button onClick={reset} className="mt-6 shadow-none">
        Try again
      </Button>
    </main>
  );
}
