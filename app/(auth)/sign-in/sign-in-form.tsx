'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { Field } from '@/components/ui/field';
import { signInAction } from './actions';

export function SignInForm({ next }: { next?: string }) {
  const [result, action] = useActionState(signInAction, null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage result={result} />
      <input type="hidden" name="next" value={next ?? ''} />
      <Field label="Email" name="email" defaultValue={values?.email} type="email" required autoComplete="email" errors={errors?.email} />
      <Field label="Password" name="password" type="password" required autoComplete="current-password" errors={errors?.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
