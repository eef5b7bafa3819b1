import { z } from 'zod';
import { createDb } from '@/db/client';
import { dbOptionsFromEnv } from '@/lib/database';
import { AppError } from '@/lib/errors';
import { createOrgWithOwner } from '@/lib/orgs/create-org-with-owner';
import { splitFullName } from '@/lib/validation/person-name';
import { signUpSchema } from '@/lib/validation/sign-up';
import { fail, parseFlags } from './shared/cli-args';

// npm run org:create -- --slug acme --name "Acme" --owner-given-name Ada --owner-family-name Lovelace
//   --owner-email a@acme.test --owner-password '…'
// --owner-name "Ada Lovelace" still works: split at its last space (a single word goes into both).
const flags = parseFlags({
  slug: { type: 'string' },
  name: { type: 'string' },
  'owner-email': { type: 'string' },
  'owner-password': { type: 'string' },
  'owner-given-name': { type: 'string' },
  'owner-family-name': { type: 'string' },
  'owner-name': { type: 'string' },
});
const split = flags['owner-name'] === undefined ? undefined : splitFullName(flags['owner-name']);

const parsed = signUpSchema.safeParse({
  slug: flags.slug,
  orgName: flags.name,
  email: flags['owner-email'],
  password: flags['owner-password'],
  givenName: flags['owner-given-name'] ?? split?.givenName,
  familyName: flags['owner-family-name'] ?? split?.familyName,
});
if (!parsed.success) {
  const flagFor: Record<string, string> = {
    orgName: 'name',
    email: 'owner-email',
    password: 'owner-password',
    givenName: 'owner-given-name',
    familyName: 'owner-family-name',
  };
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
