'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ownerAction } from '@/lib/auth/owner-action';
import type { ActionResult } from '@/lib/errors';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { revokeScimToken } from '@/lib/tokens/revoke-scim-token';
import { createScimTokenFormSchema, tokenIdSchema } from '@/lib/validation/token';

export type CreatedTokenData = { name: string; prefix: string; secret: string; expiresAt: string | null };

/**
 * The secret travels once, in this result, to the dialog that shows it; it is not stored, logged
 * or put in a URL, and the dialog forgets it when it closes.
 */
export const createScimTokenAction = ownerAction(
  createScimTokenFormSchema,
  async ({ name, expiresInDays, scope }, { db, org, actor }): Promise<ActionResult<CreatedTokenData>> => {
    const token = await createScimToken(db, org.id, { name, scopes: [scope], expiresInDays }, actor);
    revalidatePath(`/orgs/${org.slug}/settings/security`);
    return {
      ok: true,
      message: `Token "${name}" created.`,
      data: { name, prefix: token.prefix, secret: token.secret, expiresAt: token.expiresAt?.toISOString() ?? null },
    };
  },
  { echo: { omit: ['password'] } },
);

/** Revokes at once: the IdP's next request with this token gets a 401. */
export const revokeScimTokenAction = ownerAction(
  z.object({ tokenId: tokenIdSchema }),
  async ({ tokenId }, { db, org, actor }) => {
    await revokeScimToken(db, org.id, tokenId, actor);
    revalidatePath(`/orgs/${org.slug}/settings/security`);
    return { ok: true, message: 'Token revoked' };
  },
  { invalid: 'Unknown token' },
);
