import { z } from 'zod';
import { familyNameField, givenNameField } from './person-name';
import { textField } from './text';

/** Shared by the sign-up form, its server action and `npm run org:create`. */
export const orgSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Use at least 2 characters')
  .max(48, 'Use at most 48 characters')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'Use lower-case letters, digits and dashes (not at the ends)');

export const emailSchema = z.string().trim().toLowerCase().max(254, 'That email is too long').pipe(z.email('Enter a valid email address'));

export const passwordSchema = z.string().min(10, 'Use at least 10 characters').max(200, 'Use at most 200 characters');

export const signUpSchema = z.object({
  orgName: textField('Enter the organization name'),
  slug: orgSlugSchema,
  givenName: givenNameField('Enter your first name'),
  familyName: familyNameField('Enter your last name'),
  email: emailSchema,
  password: passwordSchema,
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(200),
});
