'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/database';
import { getEnvAppUrl } from '@/lib/app-url';
import { assertOwner } from '@/lib/auth/guards';
import { toActionResult, type ActionResult } from '@/lib/errors';
import { issueInvite } from '@/lib/members/issue-invite';
import { memberIdSchema } from '@/lib/validation/member';

/** Owner-only; the link travels once, in this result, and the previous link stops working. */
export async function issueInviteAction(_prev: ActionResult<{ inviteUrl: string }> | null, formData: FormData): Promise<ActionResult<{ inviteUrl: string }>> {
  try {
    const { org, account } = await assertOwner(formData.get('slug'));
    const memberId = memberIdSchema.safeParse(formData.get('memberId'));
    if (!memberId.success) return { ok: false, message: 'Unknown member' };
    const { inviteSecret } = await issueInvite(await getDb(), org.id, memberId.data, { type: 'account', id: account.id, label: account.email });
    revalidatePath(`/orgs/${org.slug}/team`);
    return {
      ok: true,
      message: 'New invite link (shown once; the previous one no longer works):',
      data: { inviteUrl: `${await getEnvAppUrl()}/invite/${inviteSecret}` },
    };
  } catch (error) {
    return toActionResult(error);
  }
}
