'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction, ownerAction } from '@/lib/auth/owner-action';
import { getEnvAppUrl } from '@/lib/app-url';
import { addMember } from '@/lib/members/add-member';
import { removeMember } from '@/lib/members/remove-member';
import { setMemberRole } from '@/lib/members/set-member-role';
import { addMemberSchema, memberIdSchema } from '@/lib/validation/member';
import { fullName } from '@/lib/validation/person-name';

const roleChangeSchema = z.object({ memberId: memberIdSchema, role: z.enum(['owner', 'admin', 'member']) });

// A refused add (e.g. the email is already on the team) keeps what was typed (issue 13).
export const addMemberAction = adminAction(
  addMemberSchema,
  async (input, { db, org, actor, member }) => {
    const { inviteSecret } = await addMember(db, org.id, input, actor, member.role);
    revalidatePath(`/orgs/${org.slug}/team`);
    return {
      ok: true,
      message: `${fullName(input)} was added. Send them this invite link so they can sign in (shown once):`,
      data: { inviteUrl: `${await getEnvAppUrl()}/invite/${inviteSecret}` },
    };
  },
  { echo: { omit: ['password'] } },
);

export const setMemberRoleAction = ownerAction(
  roleChangeSchema,
  async ({ memberId, role }, { db, org, actor }) => {
    await setMemberRole(db, org.id, memberId, role, actor);
    revalidatePath(`/orgs/${org.slug}/team`);
    return { ok: true, message: role === 'owner' ? 'They are now an owner' : 'Owner status removed' };
  },
  { invalid: 'Unknown member or role' },
);

export const removeMemberAction = adminAction(
  z.object({ memberId: memberIdSchema }),
  async ({ memberId }, { db, org, actor, member }) => {
    await removeMember(db, org.id, memberId, actor, member.role);
    revalidatePath(`/orgs/${org.slug}/team`);
    return { ok: true, message: 'Removed from the team' };
  },
  { invalid: 'Unknown member' },
);
