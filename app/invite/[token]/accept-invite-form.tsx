'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { Field } from '@/components/ui/field';
import { acceptInviteAction } from './actions';

export function AcceptInviteForm({ token, signedInAs, orgSlug }: { token: string; signedInAs: string | null; orgSlug: string }) {
  const [result, action] = useActionState(acceptInviteAction, null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage result={result} />
        <Link href={`/orgs/${orgSlug}/team`} className="font-semibold text-indigo-700 underline">
          Open the team
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage result={result} />
      <input type="hidden" name="token" value={token} />
      {signedInAs ? (
        <p className="text-sm text-slate-700">You will join with the account {signedInAs}.</p>
      ) : (
        <>
          <Field label="Your name" name="name" required autoComplete="name" errors={errors?.name} />
          <Field
            label="Choose a password"
            name="password"
            type="password"
            required
            autoComplete="new-password"
            hint="At least 10 characters"
            errors={errors?.password}
          />
        </>
      )}
      <SubmitButton pendingText="Joining…">Join the team</SubmitButton>
    </form>
  );
}
