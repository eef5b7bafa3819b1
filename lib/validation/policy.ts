import { z } from 'zod';

const roleSchema = z.enum(['owner', 'admin', 'member'], { error: 'Choose a role' });

/** Map a group to a role, or unmap it ("none"). */
export const roleMappingFormSchema = z.object({
  groupId: z.uuid({ error: 'Choose a group' }),
  role: z.union([roleSchema, z.literal('none')], { error: 'Choose a role' }),
});

/** Checkboxes send "on" when ticked and nothing when not. */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());

/** Blank means automatic: max(10, 20 % of active members). */
const threshold = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : v),
  z.coerce
    .number({ error: 'Enter a whole number, or leave it blank for automatic' })
    .int('Enter a whole number')
    .min(1, 'At least 1')
    .max(1_000_000, 'At most 1,000,000')
    .nullable(),
);

export const directoryPolicyFormSchema = z.object({
  defaultRole: roleSchema,
  adoptionEnabled: checkbox,
  guardEnabled: checkbox,
  guardThreshold: threshold,
});
