'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { assertOwner } from '@/lib/auth/guards';
import { toActionResult, type ActionResult } from '@/lib/errors';
import { allowHeldDeprovisions, keepHeldDeprovisions, releaseKeptDeprovisions } from '@/lib/policy/decide-held-deprovisions';
import { setRoleMapping } from '@/lib/policy/set-role-mapping';
import { updateDirectoryPolicy } from '@/lib/policy/update-directory-policy';
import { directoryPolicyFormSchema, roleMappingFormSchema } from '@/lib/validation/policy';

/** Owners map a pushed group to a role (or unmap it); roles move in the same transaction. */
export async function setRoleMappingAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const { org, account } = await assertOwner(formData.get('slug'));
    const parsed = roleMappingFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: 'Choose a group and a role', fieldErrors: z.flattenError(parsed.error).fieldErrors };
    const role = parsed.data.role === 'none' ? null : parsed.data.role;
    const { rolesMoved } = await setRoleMapping(await getDb(), org.id, parsed.data.groupId, role, { type: 'account', id: account.id, label: account.email });
    revalidatePath(`/orgs/${org.slug}/settings/security`);
    revalidatePath(`/orgs/${org.slug}/team`);
    return { ok: true, message: `${role ? 'Mapping saved' : 'Mapping removed'}: ${rolesMoved} ${rolesMoved === 1 ? 'role' : 'roles'} changed` };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Owners set the default role for provisioned people and turn adoption on or off. */
export async function updateDirectoryPolicyAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const { org, account } = await assertOwner(formData.get('slug'));
    const parsed = directoryPolicyFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: 'Check the highlighted fields', fieldErrors: z.flattenError(parsed.error).fieldErrors };
    await updateDirectoryPolicy(await getDb(), org.id, parsed.data, { type: 'account', id: account.id, label: account.email });
    revalidatePath(`/orgs/${org.slug}/settings/security`);
    revalidatePath(`/orgs/${org.slug}/team`);
    return { ok: true, message: 'Saved' };
  } catch (error) {
    return toActionResult(error);
  }
}

/** The owner's decision on held deprovisions: allow (apply all), keep (refuse them), release kept. */
export async function decideHeldDeprovisionsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const { org, account } = await assertOwner(formData.get('slug'));
    const decision = z.enum(['allow', 'keep', 'release']).safeParse(formData.get('decision'));
    if (!decision.success) return { ok: false, message: 'Unknown decision' };
    const db = await getDb();
    const actor = { type: 'account' as const, id: account.id, label: account.email };
    let message: string;
    if (decision.data === 'allow') {
      const done = await allowHeldDeprovisions(db, org.id, actor);
      message = `Applied: ${done.suspended} suspended, ${done.deleted} removed`;
    } else if (decision.data === 'keep') {
      message = `Kept ${await keepHeldDeprovisions(db, org.id, actor)}: your IdP's requests to deprovision them are refused until you release them`;
    } else {
      message = `Released ${await releaseKeptDeprovisions(db, org.id, actor)}`;
    }
    revalidatePath(`/orgs/${org.slug}/settings/security`);
    revalidatePath(`/orgs/${org.slug}/team`);
    return { ok: true, message };
  } catch (error) {
    return toActionResult(error);
  }
}
