import { z } from 'zod';
import { textField } from './text';

/** Shared by the "Add token" form, its action and `npm run token:create`. */
export const createScimTokenSchema = z.object({
  name: textField('Name the token, e.g. "Entra production"'),
  expiresInDays: z.coerce
    .number({ error: 'Enter a number of days' })
    .int('Enter a whole number of days')
    .min(1, 'At least 1 day')
    .max(3650, 'At most 3650 days')
    .nullable()
    .default(null),
});

/**
 * The "Add token" dialog's fields. An empty expiry box means "never expires" (a blank input
 * posts "", which z.coerce would turn into 0). Scope is a checkbox, so it must be posted.
 */
export const createScimTokenFormSchema = createScimTokenSchema.extend({
  expiresInDays: z.preprocess((v) => (v === '' || v === undefined ? null : v), createScimTokenSchema.shape.expiresInDays),
  scope: z.literal('scim:manage', { error: 'Tick "Manage SCIM": the IdP needs it to provision people' }),
});

export const tokenIdSchema = z.uuid('Unknown token');
