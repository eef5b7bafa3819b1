import 'server-only';
import { and, eq } from 'drizzle-orm';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { members, organizations, type MemberRole } from '@/db/schema';
import { getDb } from '@/lib/database';
import { AppError } from '@/lib/errors';
import { getCurrentAccount, type CurrentAccount } from './get-current-account';

export type Membership = {
  account: CurrentAccount;
  org: { id: string; slug: string; name: string };
  member: { id: string; role: MemberRole };
};

export async function requireAccount(): Promise<CurrentAccount> {
  const account = await getCurrentAccount();
  if (!account) redirect('/sign-in');
  return account;
}

/**
 * The caller's active membership in the org, from the database on every request. A suspended
 * member has none: suspension takes sign-in away at once.
 */
export const getMembership = cache(async (slug: string): Promise<Membership | null> => {
  const account = await getCurrentAccount();
  if (!account) return null;
  const db = await getDb();
  const [row] = await db
    .select({ org: { id: organizations.id, slug: organizations.slug, name: organizations.name }, member: { id: members.id, role: members.role } })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.orgId))
    .where(and(eq(organizations.slug, slug), eq(members.accountId, account.id), eq(members.status, 'active')))
    .limit(1);
  return row ? { account, ...row } : null;
});

/** Pages: anyone outside the org gets a 404, not a hint that the org exists. */
export async function requireMember(slug: string): Promise<Membership> {
  await requireAccount();
  const membership = await getMembership(slug);
  if (!membership) notFound();
  return membership;
}

/** Owner-only pages: first line of every one. */
export async function requireOwner(slug: string): Promise<Membership> {
  const membership = await requireMember(slug);
  if (membership.member.role !== 'owner') notFound();
  return membership;
}

/** Owner-only server actions and routes: a 403 AppError instead of a page. */
export async function assertOwner(slug: unknown): Promise<Membership> {
  if (typeof slug !== 'string') throw new AppError('forbidden', 'Only owners can do this');
  const membership = await getMembership(slug);
  if (!membership || membership.member.role !== 'owner') {
    throw new AppError('forbidden', 'Only owners can do this');
  }
  return membership;
}
