import { z } from 'zod';
import { createDb } from '@/db/client';
import { dbOptionsFromEnv } from '@/lib/database';
import { getOrgBySlug } from '@/lib/orgs/get-org-by-slug';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { createScimTokenSchema } from '@/lib/validation/token';
import { fail, parseFlags } from './shared/cli-args';

// npm run token:create -- --org acme --name "Entra" [--expires-in-days 90]
// The secret is the last line of the output, for automation; it is never shown again.
const flags = parseFlags({ org: { type: 'string' }, name: { type: 'string' }, 'expires-in-days': { type: 'string' } });
if (!flags.org) fail('--org <slug> is required');
const parsed = createScimTokenSchema.safeParse({ name: flags.name, expiresInDays: flags['expires-in-days'] ?? null });
if (!parsed.success) {
  const errors = z.flattenError(parsed.error).fieldErrors;
  fail(
    Object.entries(errors)
      .map(([field, m]) => `--${field === 'expiresInDays' ? 'expires-in-days' : field}: ${m?.[0]}`)
      .join('\n'),
  );
}

const handle = await createDb(dbOptionsFromEnv()).catch((error: unknown) => fail((error as Error).message));
try {
  const org = await getOrgBySlug(handle.db, flags.org);
  if (!org) fail(`no organization with slug "${flags.org}"`);
  const token = await createScimToken(
    handle.db,
    org.id,
    { name: parsed.data.name, scopes: ['scim:manage'], expiresInDays: parsed.data.expiresInDays },
    { type: 'system', label: 'npm run token:create' },
  );
  console.log(
    `Created SCIM token "${parsed.data.name}" (${token.prefix}…) for ${org.slug}, scope scim:manage, ${token.expiresAt ? `expires ${token.expiresAt.toISOString()}` : 'no expiry'}.`,
  );
  console.log('Copy it now: it is not stored and cannot be shown again.');
  console.log(token.secret);
} finally {
  await handle.close();
}
