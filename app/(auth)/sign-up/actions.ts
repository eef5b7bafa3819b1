'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { signIn } from '@/lib/auth/config';
import { echoFormValues, toActionResult, type ActionResult } from '@/lib/errors';
import { createOrgWithOwner } from '@/lib/orgs/create-org-with-owner';
import { findSignUpToResume } from '@/lib/orgs/resume-sign-up';
import { signUpSchema } from '@/lib/validation/sign-up';

export async function signUpAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return {
      ok: false,
      message: 'Check the highlighted fields',
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: echoFormValues(formData),
    };
  }
  const db = await getDb();
  try {
    // The same form sent again after a failed sign-in signs in instead of reporting "taken".
    if (!(await findSignUpToResume(db, parsed.data))) await createOrgWithOwner(db, parsed.data);
  } catch (error) {
    return { ...toActionResult(error), values: echoFormValues(formData) };
  }
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: `/orgs/${parsed.data.slug}/team`,
    });
  } catch (error) {
    // A successful sign-in throws Next's redirect; only Auth.js's own errors are failures.
    if (error instanceof AuthError) return { ok: false, message: 'Your organization was created, but signing in failed: sign in below.' };
    throw error;
  }
  return { ok: true };
}
