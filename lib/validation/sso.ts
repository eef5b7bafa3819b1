import { z } from 'zod';
import { ssoIdps, ssoMatchAttributes } from '@/db/schema/sso';
import { textField } from './text';

/**
 * The Single sign-on card's form. An empty client secret keeps the stored one (it is never shown
 * again, so the form cannot echo it); the first save needs one.
 */
export const ssoConnectionFormSchema = z.object({
  idp: z.enum(ssoIdps, { error: 'Pick your identity provider' }),
  issuer: textField('Enter the issuer URL', 500),
  clientId: textField('Enter the client ID', 300),
  clientSecret: z.string().trim().max(1000, 'Use at most 1000 characters').optional().default(''),
  claim: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_:.\-/]{1,100}$/, 'Enter a claim name such as preferred_username, email, oid or sub'),
  matchAttribute: z.enum(ssoMatchAttributes, { error: 'Pick the attribute to match' }),
  requireSso: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  /** Just-in-time members: off unless ticked. Never as owners: owners are made by owners. */
  jitEnabled: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()).default(false),
  jitRole: z.enum(['member', 'admin'], { error: 'Pick member or admin' }).default('member'),
});
export type SsoConnectionForm = z.infer<typeof ssoConnectionFormSchema>;

/** "Sign in with SSO": a work email or the org's URL name (slug). */
export const ssoStartSchema = z.object({
  who: z.string().trim().toLowerCase().min(1, 'Enter your work email or your organization’s URL name').max(320, 'Too long'),
});
