import { z } from 'zod';
import { createDb } from '@/db/client';
import { dbOptionsFromEnv } from '@/lib/database';
import { AppError } from '@/lib/errors';
import { createOrgWithOwner } from '@/lib/orgs/create-org-with-owner';
import { signUpSchema } from '@/lib/validation/sign-up';
import { fail, parseFlags } from './cli-args';

// npm run org:create -- --slug acme --name "Acme" --owner-email a@acme.test --owner-password '…'
const flags = parseFlags({
  slug: { type: 'string' },
  name: { type: 'string' },
  'owner-email': { type: 'string' },
  'owner-password': { type: 'string' },
  'owner-name': { type: 'string' },
});

const parsed = signUpSchema.safeParse({
  slug: flags.slug,
  orgName: flags.name,
  email: flags['owner-email'],
  password: flags['owner-password'],
  name: flags['owner-name'] ?? flags['owner-email'],
});
if (!parsed.success) {
  const flagFor: Record<string, string> = { orgName: 'name', email: 'owner-email', password: 'owner-password', name: 'owner-name' };
  const lines = Object.entries(z.flattenError(parsed.error).fieldErrors).map(
    ([field, messages]) => `  --${flagFor[field] ?? field}: ${messages?.[0] ?? 'invalid'}`,
  );
  fail(`invalid input\n${lines.join('\n')}`);
}

const handle = await createDb(dbOptionsFromEnv()).catch((error: unknown) => fail((error as Error).message));
try {
  const org = await createOrgWithOwner(handle.db, parsed.data);
  console.log(`Created organization "${parsed.data.orgName}" at /orgs/${org.slug} with owner ${parsed.data.email}.`);
} catch (error) {
  if (error instanceof AppError) fail(error.message);
  throw error;
} finally {
  await handle.close();
}
