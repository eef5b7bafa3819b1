import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { createOrgWithOwner } from '@/lib/orgs/create-org-with-owner';
import { createScimToken } from '@/lib/tokens/create-scim-token';

export type BenchOrg = { orgId: string; slug: string; token: string; tokenId: string };

/**
 * An org with its owner and a scim:manage token, through the same lib functions as
 * `npm run org:create` and `npm run token:create` (so the server finds them as it would).
 */
export async function createBenchOrg(db: Db, slug: string): Promise<BenchOrg> {
  const org = await createOrgWithOwner(db, {
    slug,
    orgName: `Bench ${slug}`,
    givenName: 'Bench',
    familyName: 'Owner',
    email: `owner@${slug}.bench.example`,
    password: crypto.randomBytes(18).toString('base64url'),
  });
  const token = await createScimToken(db, org.orgId, { name: 'bench', scopes: ['scim:manage'] }, { type: 'system', label: 'npm run bench' });
  return { orgId: org.orgId, slug, token: token.secret, tokenId: token.id };
}
