'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getEnvAppUrl } from '@/lib/app-url';
import { ownerAction } from '@/lib/auth/owner-action';
import { issueInvite } from '@/lib/members/issue-invite';
import { memberIdSchema } from '@/lib/validation/member';

/** Owner-only; the link travels once, in this result, and the previous link stops working. */
export const issueInviteAction = ownerAction(
  z.object({ memberId: memberIdSchema }),
  async ({ memberId }, { db, org, actor }) => {
    const { inviteSecret } = await issueInvite(db, org.id, memberId, actor);
    revalidatePath(`/orgs/${org.slug}/team`);
    return {
      ok: true,
      message: 'New invite link (shown once; the previous one no longer works):',
      data: { inviteUrl: `${await getEnvAppUrl()}/invite/${inviteSecret}` },
    };
  },
  { invalid: 'Unknown member' },
);
