import { accounts, members, organizations } from '@/db/schema';
import type { Db } from '@/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { hashPassword } from '@/lib/auth/password';
import { AppError, isUniqueViolation, pgErrorCode, violatedConstraint } from '@/lib/errors';
import { fullName } from '@/lib/validation/person-name';
import type { SignUpInput } from '@/lib/validation/sign-up';

export type CreatedOrg = { orgId: string; slug: string; accountId: string };

/**
 * Sign-up: a new account, its organization, and the account as the org's first owner, all in
 * one transaction with the audit row (saas-starter did 4 writes with no transaction).
 */
export async function createOrgWithOwner(db: Db, input: SignUpInput): Promise<CreatedOrg> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx.insert(organizations).values({ slug: input.slug, name: input.orgName }).returning({ id: organizations.id });
      const [account] = await tx
        .insert(accounts)
        .values({ email: input.email, name: fullName(input), passwordHash })
        .returning({ id: accounts.id });
      if (!org || !account) throw new Error('insert returned no row');
      const [member] = await tx
        .insert(members)
        .values({
          orgId: org.id,
          accountId: account.id,
          role: 'owner',
          grantedRole: 'owner',
          source: 'manual',
          userName: input.email,
          email: input.email,
          emails: [{ value: input.email, type: 'work', primary: true }],
          givenName: input.givenName,
          familyName: input.familyName,
          displayName: fullName(input),
        })
        .returning({ id: members.id });
      await recordAuditEvent(tx, {
        orgId: org.id,
        action: 'org.create',
        actor: { type: 'account', id: account.id, label: input.email },
        resourceType: 'Organization',
        resourceId: org.id,
        summary: { slug: input.slug, ownerMemberId: member?.id },
      });
      return { orgId: org.id, slug: input.slug, accountId: account.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflictFor(error);
    throw error;
  }
}

function conflictFor(error: unknown): AppError {
  const constraint = violatedConstraint(error);
  if (constraint === 'organizations_slug_uq') {
    return new AppError('conflict', 'That URL name is taken: choose another', 'slug');
  }
  if (constraint === 'accounts_email_uq') {
    return new AppError('conflict', 'An account with this email already exists: sign in instead', 'email');
  }
  return new AppError('conflict', `Already exists (${pgErrorCode(error) ?? 'unique'})`);
}
