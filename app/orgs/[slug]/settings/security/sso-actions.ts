'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { assertOwner } from '@/lib/auth/guards';
import { echoFormValues, toActionResult, type ActionResult } from '@/lib/errors';
import { saveSsoConnection } from '@/lib/sso/save-sso-connection';
import { ssoConnectionFormSchema } from '@/lib/validation/sso';

/** Owner-only (checked here, not by the card being hidden). The secret is never echoed back. */
export async function saveSsoConnectionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = echoFormValues(formData, ['clientSecret']);
  try {
    const { org, account } = await assertOwner(formData.get('slug'));
    const parsed = ssoConnectionFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: 'Check the highlighted fields', fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
    await saveSsoConnection(await getDb(), org.id, parsed.data, { type: 'account', id: account.id, label: account.email });
    revalidatePath(`/orgs/${org.slug}/settings/security`);
    return { ok: true, message: 'Single sign-on saved: the issuer answered and its discovery document checks out. Run "Test sign-in" next.' };
  } catch (error) {
    return { ...toActionResult(error), values };
  }
}
