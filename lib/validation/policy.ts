import { z } from 'zod';

const roleSchema = z.enum(['owner', 'admin', 'member'], { error: 'Choose a role' });

/** Map a group to a role, or unmap it ("none"). */
export const roleMappingFormSchema = z.object({
  groupId: z.uuid({ error: 'Choose a group' }),
  role: z.union([roleSchema, z.literal('none')], { error: 'Choose a role' }),
});

/** Checkboxes send "on" when ticked and nothing when not. */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());

export const directoryPolicyFormSchema = z.object({
  defaultRole: roleSchema,
  adoptionEnabled: checkbox,
});
