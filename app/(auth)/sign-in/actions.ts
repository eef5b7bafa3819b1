'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth/config';
import { echoFormValues, type ActionResult } from '@/lib/errors';
import { signInSchema } from '@/lib/validation/sign-up';

/** Only same-site paths are followed after sign-in, never a full URL from the query string. */
function safeNext(value: FormDataEntryValue | null): string {
  return typeof value === 'string' && /^\/(?!\/)[\w\-/]*$/.test(value) ? value : '/orgs';
}

export async function signInAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, message: 'Check the highlighted fields', fieldErrors: z.flattenError(parsed.error).fieldErrors, values: echoFormValues(formData) };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeNext(formData.get('next')) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'rate_limited') {
      return { ok: false, message: 'Too many failed attempts: wait 15 minutes, then try again', values: echoFormValues(formData) };
    }
    if (error instanceof CredentialsSignin && error.code === 'sso_required') {
      return { ok: false, message: 'Your organization requires single sign-on: use "Sign in with SSO" below', values: echoFormValues(formData) };
    }
    if (error instanceof AuthError) return { ok: false, message: 'Wrong email or password', values: echoFormValues(formData) };
    throw error;
  }
  return { ok: true };
}
