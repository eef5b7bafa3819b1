'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { Field } from '@/components/ui/field';
import { signUpAction } from './actions';

export function SignUpForm() {
  const [result, action] = useActionState(signUpAction, null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage result={result} />
      <Field label="Organization name" name="orgName" defaultValue={values?.orgName} required autoComplete="organization" errors={errors?.orgName} />
      <Field
        label="URL name"
        name="slug"
        defaultValue={values?.slug}
        required
        hint="Lower-case letters, digits and dashes: /orgs/your-name"
        errors={errors?.slug}
      />
      <Field label="First name" name="givenName" defaultValue={values?.givenName} required autoComplete="given-name" errors={errors?.givenName} />
      <Field label="Last name" name="familyName" defaultValue={values?.familyName} required autoComplete="family-name" errors={errors?.familyName} />
      <Field label="Work email" name="email" defaultValue={values?.email} type="email" required autoComplete="email" errors={errors?.email} />
      <Field label="Password" name="password" type="password" required autoComplete="new-password" hint="At least 10 characters" errors={errors?.password} />
      <SubmitButton pendingText="Creating…">Create organization</SubmitButton>
    </form>
  );
}
