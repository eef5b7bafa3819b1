'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ownerAction } from '@/lib/auth/owner-action';
import { allowHeldDeprovisions, keepHeldDeprovisions, releaseKeptDeprovisions } from '@/lib/policy/decide-held-deprovisions';
import { setRoleMapping } from '@/lib/policy/set-role-mapping';
import { updateDirectoryPolicy } from '@/lib/policy/update-directory-policy';
import { directoryPolicyFormSchema, roleMappingFormSchema } from '@/lib/validation/policy';

/** Both pages show what these change: the security settings and the team's roles. */
function revalidateOrg(slug: string) {
  revalidatePath(`/orgs/${slug}/settings/security`);
  revalidatePath(`/orgs/${slug}/team`);
}

/** Owners map a pushed group to a role (or unmap it); roles move in the same transaction. */
export const setRoleMappingAction = ownerAction(
  roleMappingFormSchema,
  async (input, { db, org, actor }) => {
    const role = input.role === 'none' ? null : input.role;
    const { rolesMoved } = await setRoleMapping(db, org.id, input.groupId, role, actor);
    revalidateOrg(org.slug);
    return { ok: true, message: `${role ? 'Mapping saved' : 'Mapping removed'}: ${rolesMoved} ${rolesMoved === 1 ? 'role' : 'roles'} changed` };
  },
  { invalid: 'Choose a group and a role' },
);

/** Owners set the default role for provisioned people and turn adoption on or off. */
export const updateDirectoryPolicyAction = ownerAction(directoryPolicyFormSchema, async (input, { db, org, actor }) => {
  await updateDirectoryPolicy(db, org.id, input, actor);
  revalidateOrg(org.slug);
  return { ok: true, message: 'Saved' };
});

/** The owner's decision on held deprovisions: allow (apply all), keep (refuse them), release kept. */
export const decideHeldDeprovisionsAction = ownerAction(
  z.object({ decision: z.enum(['allow', 'keep', 'release']) }),
  async ({ decision }, { db, org, actor }) => {
    let message: string;
    if (decision === 'allow') {
      const done = await allowHeldDeprovisions(db, org.id, actor);
      message = `Applied: ${done.suspended} suspended, ${done.deleted} removed`;
    } else if (decision === 'keep') {
      message = `Kept ${await keepHeldDeprovisions(db, org.id, actor)}: your IdP's requests to deprovision them are refused until you release them`;
    } else {
      message = `Released ${await releaseKeptDeprovisions(db, org.id, actor)}`;
    }
    revalidateOrg(org.slug);
    return { ok: true, message };
  },
  { invalid: 'Unknown decision' },
);
