import { z } from 'zod';

/** Shared by the "Add token" form, its action and `npm run token:create`. */
export const createScimTokenSchema = z.object({
  name: z.string().trim().min(1, 'Name the token, e.g. "Entra production"').max(100, 'Use at most 100 characters'),
  expiresInDays: z.coerce
    .number({ error: 'Enter a number of days' })
    .int('Enter a whole number of days')
    .min(1, 'At least 1 day')
    .max(3650, 'At most 3650 days')
    .nullable()
    .default(null),
});
export type CreateScimTokenFormInput = z.infer<typeof createScimTokenSchema>;
