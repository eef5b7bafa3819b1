'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { assertAdmin, assertOwner } from '@/lib/auth/guards';
import { echoFormValues, toActionResult, type ActionResult } from '@/lib/errors';
import { getEnvAppUrl } from '@/lib/app-url';
import { addMember } from '@/lib/members/add-member';
import { removeMember } from '@/lib/members/remove-member';
import { setMemberRole } from '@/lib/members/set-member-role';
import { addMemberSchema, memberIdSchema } from '@/lib/validation/member';
import { fullName } from '@/lib/validation/person-name';

const roleChangeSchema = z.object({ memberId: memberIdSchema, role: z.enum(['owner', 'admin', 'member']) });

export async function addMemberAction(_prev: ActionResult<{ inviteUrl: string }> | null, formData: FormData): Promise<ActionResult<{ inviteUrl: string }>> {
  try {
    const { org, account, member } = await assertAdmin(formData.get('slug'));
    const parsed = addMemberSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return { ok: false, message: 'Check the highlighted fields', fieldErrors: z.flattenError(parsed.error).fieldErrors, values: echoFormValues(formData) };
    }
    const { inviteSecret } = await addMember(await getDb(), org.id, parsed.data, { type: 'account', id: account.id, label: account.email }, member.role);
    revalidatePath(`/orgs/${org.slug}/team`);
    return {
      ok: true,
      message: `${fullName(parsed.data)} was added. Send them this invite link so they can sign in (shown once):`,
      data: { inviteUrl: `${await getEnvAppUrl()}/invite/${inviteSecret}` },
    };
  } catch (error) {
    // A refused add (e.g. the email is already on the team) keeps what was typed (issue 13).
    return { ...toActionResult(error), values: echoFormValues(formData) };
  }
}

export async function setMemberRoleAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const { org, account } = await assertOwner(formData.get('slug'));
    const parsed = roleChangeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: 'Unknown member or role' };
    await setMemberRole(await getDb(), org.id, parsed.data.memberId, parsed.data.role, { type: 'account', id: account.id, label: account.email });
    revalidatePath(`/orgs/${org.slug}/team`);
    return { ok: true, message: parsed.data.role === 'owner' ? 'They are now an owner' : 'Owner status removed' };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function removeMemberAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const { org, account, member } = await assertAdmin(formData.get('slug'));
    const parsed = memberIdSchema.safeParse(formData.get('memberId'));
    if (!parsed.success) return { ok: false, message: 'Unknown member' };
    await removeMember(await getDb(), org.id, parsed.data, { type: 'account', id: account.id, label: account.email }, member.role);
    revalidatePath(`/orgs/${org.slug}/team`);
    return { ok: true, message: 'Removed from the team' };
  } catch (error) {
    return toActionResult(error);
  }
}
