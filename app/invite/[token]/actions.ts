'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { signIn } from '@/lib/auth/config';
import { getCurrentAccount } from '@/lib/auth/get-current-account';
import { toActionResult, type ActionResult } from '@/lib/errors';
import { acceptInvite } from '@/lib/members/accept-invite';
import { passwordSchema } from '@/lib/validation/sign-up';

const newAccountSchema = z.object({ name: z.string().trim().min(1, 'Enter your name').max(100), password: passwordSchema });

export async function acceptInviteAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const posted = formData.get('token');
  const secret = typeof posted === 'string' ? posted : '';
  const db = await getDb();
  const current = await getCurrentAccount();
  if (current) {
    try {
      const invite = await acceptInvite(db, secret, { accountId: current.id, label: current.email });
      return { ok: true, message: `You joined ${invite.orgName}.`, data: undefined };
    } catch (error) {
      return toActionResult(error);
    }
  }
  const parsed = newAccountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: 'Check the highlighted fields', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let invite;
  try {
    invite = await acceptInvite(db, secret, parsed.data);
  } catch (error) {
    return toActionResult(error);
  }
  try {
    await signIn('credentials', { email: invite.email, password: parsed.data.password, redirectTo: `/orgs/${invite.orgSlug}/team` });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: 'Your account was created; sign in to continue.' };
    throw error;
  }
  return { ok: true };
}
