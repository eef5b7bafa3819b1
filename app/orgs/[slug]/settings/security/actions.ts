'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { assertOwner } from '@/lib/auth/guards';
import { echoFormValues, toActionResult, type ActionResult } from '@/lib/errors';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { revokeScimToken } from '@/lib/tokens/revoke-scim-token';
import { createScimTokenFormSchema, tokenIdSchema } from '@/lib/validation/token';

export type CreatedTokenData = { name: string; prefix: string; secret: string; expiresAt: string | null };

/**
 * The secret travels once, in this result, to the dialog that shows it; it is not stored, logged
 * or put in a URL, and the dialog forgets it when it closes.
 */
export async function createScimTokenAction(_prev: ActionResult<CreatedTokenData> | null, formData: FormData): Promise<ActionResult<CreatedTokenData>> {
  try {
    const { org, account } = await assertOwner(formData.get('slug'));
    const parsed = createScimTokenFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return { ok: false, message: 'Check the highlighted fields', fieldErrors: z.flattenError(parsed.error).fieldErrors, values: echoFormValues(formData) };
    }
    const { name, expiresInDays, scope } = parsed.data;
    const token = await createScimToken(
      await getDb(),
      org.id,
      { name, scopes: [scope], expiresInDays },
      { type: 'account', id: account.id, label: account.email },
    );
    revalidatePath(`/orgs/${org.slug}/settings/security`);
    return {
      ok: true,
      message: `Token "${name}" created.`,
      data: { name, prefix: token.prefix, secret: token.secret, expiresAt: token.expiresAt?.toISOString() ?? null },
    };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Revokes at once: the IdP's next request with this token gets a 401. */
export async function revokeScimTokenAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const { org, account } = await assertOwner(formData.get('slug'));
    const tokenId = tokenIdSchema.safeParse(formData.get('tokenId'));
    if (!tokenId.success) return { ok: false, message: 'Unknown token' };
    await revokeScimToken(await getDb(), org.id, tokenId.data, { type: 'account', id: account.id, label: account.email });
    revalidatePath(`/orgs/${org.slug}/settings/security`);
    return { ok: true, message: 'Token revoked' };
  } catch (error) {
    return toActionResult(error);
  }
}
