'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { HeldDeprovisionDto } from '@/lib/policy/find-held-deprovisions';
import { decideHeldDeprovisionsAction } from '../policy-actions';

/** Held and kept deprovisions with the owner's choices (the action re-checks the owner). */
export function HeldDeprovisions({ slug, rows, held, kept }: { slug: string; rows: HeldDeprovisionDto[]; held: number; kept: number }) {
  const [result, action] = useActionState(decideHeldDeprovisionsAction, null);
  if (held === 0 && kept === 0) return <FormMessage result={result} />;
  const decide = (decision: string, label: string, variant: 'primary' | 'secondary' | 'danger') => (
    <form action={action}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="decision" value={decision} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
  return (
    <section aria-labelledby="held-title" className="space-y-3 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" data-testid="held-deprovisions">
      <h3 id="held-title" className="text-sm font-semibold text-amber-950">
        Held deprovisions
      </h3>
      {held > 0 ? (
        <p className="text-sm text-amber-950">
          Your identity provider asked to suspend or remove more people within an hour than the guard allows. {held}{' '}
          {held === 1 ? 'request is' : 'requests are'} held: nothing was changed and the IdP was told to retry later. Allow applies them all now; Keep them
          leaves these people on the team and refuses the IdP’s requests for them until you release them.
        </p>
      ) : null}
      <ul className="max-h-48 overflow-y-auto text-sm">
        {rows.map((r) => (
          <li key={r.memberId}>
            <span className="font-medium">{r.name}</span> — {r.kind === 'delete' ? 'remove' : 'suspend'} (
            {r.state === 'held' ? `held, ${r.requests} ${r.requests === 1 ? 'request' : 'requests'}` : 'kept'})
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        {held > 0 ? decide('allow', `Allow ${held}`, 'danger') : null}
        {held > 0 ? decide('keep', 'Keep them', 'secondary') : null}
        {kept > 0 ? decide('release', `Release ${kept} kept`, 'secondary') : null}
      </div>
      <FormMessage result={result} />
    </section>
  );
}
