import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { createOrgWithOwner } from '@/lib/orgs/create-org-with-owner';
import { updateDirectoryPolicy } from '@/lib/policy/update-directory-policy';
import { createScimToken } from '@/lib/tokens/create-scim-token';

export type ScriptOrg = { orgId: string; slug: string; token: string; tokenId: string; ownerEmail: string; ownerPassword: string };

export type ScriptOrgOptions = {
  slug: string;
  orgName: string;
  ownerGivenName: string;
  ownerEmail: string;
  /** The token's name and the audit actor's label ("npm run bench", "faults", "soak"). */
  tokenName: string;
  actorLabel: string;
  /**
   * Turns the deprovisioning guard off: runs that suspend and delete dozens of people within
   * seconds (faults, soak) would otherwise be held by it (a 503 per held request) and measure
   * the guard instead of what they are about.
   */
  guardOff?: boolean;
};

/**
 * An org with its owner and a scim:manage token, through the same lib functions as
 * `npm run org:create` and `npm run token:create` (so the server finds them as it would).
 */
export async function createScriptOrg(db: Db, options: ScriptOrgOptions): Promise<ScriptOrg> {
  const ownerPassword = crypto.randomBytes(18).toString('base64url');
  const org = await createOrgWithOwner(db, {
    slug: options.slug,
    orgName: options.orgName,
    givenName: options.ownerGivenName,
    familyName: 'Owner',
    email: options.ownerEmail,
    password: ownerPassword,
  });
  const actor = { type: 'system', label: options.actorLabel } as const;
  if (options.guardOff) await updateDirectoryPolicy(db, org.orgId, { guardEnabled: false }, actor);
  const token = await createScimToken(db, org.orgId, { name: options.tokenName, scopes: ['scim:manage'] }, actor);
  return { orgId: org.orgId, slug: options.slug, token: token.secret, tokenId: token.id, ownerEmail: options.ownerEmail, ownerPassword };
}
