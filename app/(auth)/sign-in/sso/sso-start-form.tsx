'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { Field } from '@/components/ui/field';
import { startSsoAction } from './actions';

export function SsoStartForm() {
  const [result, action] = useActionState(startSsoAction, null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage result={result} />
      <Field
        label="Work email or organization URL name"
        name="who"
        defaultValue={values?.who}
        required
        autoComplete="email"
        hint="e.g. jane@company.com, or acme for roster…/orgs/acme"
        errors={errors?.who}
      />
      <SubmitButton pendingText="Finding your organization…">Continue</SubmitButton>
    </form>
  );
}
