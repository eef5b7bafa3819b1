import { z } from 'zod';
import { emailSchema } from './sign-up';

export const addMemberSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters'),
  email: emailSchema,
  role: z.enum(['owner', 'admin', 'member'], { error: 'Choose a role' }),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const memberIdSchema = z.uuid('Unknown member');

export const teamQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  status: z.enum(['active', 'suspended']).optional().catch(undefined),
  source: z.enum(['scim', 'manual']).optional().catch(undefined),
});
export type TeamQuery = z.infer<typeof teamQuerySchema>;
