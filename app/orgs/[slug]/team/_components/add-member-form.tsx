'use client';

import { useActionState, useEffect, useRef } from 'react';
import { CopyButton } from '@/components/copy-button';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { Field } from '@/components/ui/field';
import { addMemberAction } from '../actions';

export function AddMemberForm({ slug, canAddOwner = true }: { slug: string; canAddOwner?: boolean }) {
  const [result, action] = useActionState(addMemberAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  const inviteUrl = result?.ok ? result.data?.inviteUrl : undefined;
  useEffect(() => {
    if (result?.ok) formRef.current?.reset();
  }, [result]);
  return (
    <details className="rounded-lg bg-white ring-1 ring-slate-200" open={Boolean(result)}>
      <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-slate-800">Add a member by hand</summary>
      <form ref={formRef} action={action} className="grid gap-4 border-t border-slate-200 px-4 py-4 sm:grid-cols-5 sm:items-start" noValidate>
        <input type="hidden" name="slug" value={slug} />
        <div className="sm:col-span-5">
          <FormMessage result={result} />
          {inviteUrl ? (
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code className="break-all rounded bg-slate-100 px-2 py-1 text-xs" data-testid="invite-url">
                {inviteUrl}
              </code>
              <CopyButton value={inviteUrl} label="Copy invite link" />
            </div>
          ) : null}
        </div>
        <Field label="First name" name="givenName" defaultValue={values?.givenName} required autoComplete="off" errors={errors?.givenName} />
        <Field label="Last name" name="familyName" defaultValue={values?.familyName} required autoComplete="off" errors={errors?.familyName} />
        <Field label="Email" name="email" type="email" defaultValue={values?.email} required errors={errors?.email} />
        <div className="space-y-1">
          <label htmlFor="field-role" className="block text-sm font-medium text-slate-800">
            Role
          </label>
          <select
            id="field-role"
            key={values?.role ?? 'member'}
            name="role"
            defaultValue={values?.role ?? 'member'}
            className="block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-slate-300"
          >
            <option value="member">Member</option>
            <option value="admin">Admin</option>
            {canAddOwner ? <option value="owner">Owner</option> : null}
          </select>
        </div>
        <div className="sm:pt-6">
          <SubmitButton pendingText="Adding…">Add member</SubmitButton>
        </div>
      </form>
    </details>
  );
}
