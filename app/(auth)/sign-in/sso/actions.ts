'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { echoFormValues, type ActionResult } from '@/lib/errors';
import { findSsoOrg } from '@/lib/sso/find-sso-org';
import { ssoStartSchema } from '@/lib/validation/sso';

export async function startSsoAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = ssoStartSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { ok: false, message: 'Check the highlighted field', fieldErrors: z.flattenError(parsed.error).fieldErrors, values: echoFormValues(formData) };
  const found = await findSsoOrg(await getDb(), parsed.data.who);
  if (!found || 'ambiguous' in found) {
    const message = found
      ? 'This email is on several organizations: enter the URL name of the one to open (the part after /orgs/ in Roster’s address)'
      : parsed.data.who.includes('@')
        ? 'We could not find your organization from this email: enter its URL name instead (the part after /orgs/ in Roster’s address), or ask your IT team'
        : 'No organization with this URL name uses single sign-on';
    return { ok: false, message, fieldErrors: { who: [message] }, values: echoFormValues(formData) };
  }
  redirect(`/api/sso/${encodeURIComponent(found.slug)}/start`);
}
