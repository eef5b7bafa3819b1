import { z } from 'zod';
import { isStorableText } from '@/lib/storable-text';
import { emailSchema } from './sign-up';
import { familyNameField, givenNameField } from './person-name';

export const addMemberSchema = z.object({
  givenName: givenNameField('Enter a first name'),
  familyName: familyNameField('Enter a last name'),
  email: emailSchema,
  role: z.enum(['owner', 'admin', 'member'], { error: 'Choose a role' }),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const memberIdSchema = z.uuid('Unknown member');

export const teamSorts = ['newest', 'oldest', 'name', 'changed'] as const;
export type TeamSort = (typeof teamSorts)[number];

export const teamQuerySchema = z.object({
  // A search the database could not run (NUL, lone surrogates) is dropped like any other bad value.
  q: z.string().trim().max(100).refine(isStorableText).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  status: z.enum(['active', 'suspended']).optional().catch(undefined),
  source: z.enum(['scim', 'manual']).optional().catch(undefined),
  /** Newest first by default, so someone just added (or provisioned) is on the first page. */
  sort: z.enum(teamSorts).catch('newest').default('newest'),
});
export type TeamQuery = z.infer<typeof teamQuerySchema>;
