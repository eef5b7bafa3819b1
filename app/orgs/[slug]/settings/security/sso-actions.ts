'use server';

import { revalidatePath } from 'next/cache';
import { ownerAction } from '@/lib/auth/owner-action';
import { saveSsoConnection } from '@/lib/sso/save-sso-connection';
import { ssoConnectionFormSchema } from '@/lib/validation/sso';

/** Owner-only (checked here, not by the card being hidden). The secret is never echoed back. */
export const saveSsoConnectionAction = ownerAction(
  ssoConnectionFormSchema,
  async (input, { db, org, actor }) => {
    await saveSsoConnection(db, org.id, input, actor);
    revalidatePath(`/orgs/${org.slug}/settings/security`);
    return { ok: true, message: 'Single sign-on saved: the issuer answered and its discovery document checks out. Run "Test sign-in" next.' };
  },
  { echo: { omit: ['clientSecret'] } },
);
