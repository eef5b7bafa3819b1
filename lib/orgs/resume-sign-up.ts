import { and, eq, sql } from 'drizzle-orm';
import { accounts, members, organizations } from '@/db/schema';
import type { Db } from '@/db/client';
import { verifyPassword } from '@/lib/auth/password';
import type { SignUpInput } from '@/lib/validation/sign-up';
import type { CreatedOrg } from './create-org-with-owner';

/**
 * Sign-up is all-or-nothing from the person's point of view (issue 13): if the org and account
 * were created but the sign-in that follows failed (a server misconfiguration, a dropped
 * connection), sending the same form again must sign them in, not answer "name and email taken".
 * Resumes only when the password verifies against the account with that email and the account
 * owns the org with that slug, so it hands nothing to someone who merely knows the email.
 */
export async function findSignUpToResume(db: Db, input: SignUpInput): Promise<CreatedOrg | null> {
  const [row] = await db
    .select({ accountId: accounts.id, passwordHash: accounts.passwordHash, orgId: organizations.id })
    .from(accounts)
    .innerJoin(members, and(eq(members.accountId, accounts.id), eq(members.role, 'owner'), eq(members.status, 'active')))
    .innerJoin(organizations, and(eq(organizations.id, members.orgId), eq(organizations.slug, input.slug)))
    .where(sql`lower(${accounts.email}) = ${input.email} and ${accounts.passwordHash} is not null`)
    .limit(1);
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, input.password))) return null;
  return { orgId: row.orgId, slug: input.slug, accountId: row.accountId };
}
