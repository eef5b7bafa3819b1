import 'server-only';
import { and, eq } from 'drizzle-orm';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { members, organizations, ssoConnections, type MemberRole } from '@/db/schema';
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
 * member has none: suspension takes sign-in away at once. Where the org requires single sign-on,
 * a member (not an owner: SECURITY.md, the way back in) has none either unless this session came
 * from that org's SSO, so turning "Require SSO" on also ends open password sessions.
 */
export const getMembership = cache(async (slug: string): Promise<Membership | null> => {
  const account = await getCurrentAccount();
  if (!account) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      org: { id: organizations.id, slug: organizations.slug, name: organizations.name },
      member: { id: members.id, role: members.role },
      requireSso: ssoConnections.requireSso,
    })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.orgId))
    .leftJoin(ssoConnections, eq(ssoConnections.orgId, organizations.id))
    .where(and(eq(organizations.slug, slug), eq(members.accountId, account.id), eq(members.status, 'active')))
    .limit(1);
  if (!row) return null;
  if (row.requireSso && row.member.role !== 'owner' && account.ssoOrgId !== row.org.id) return null;
  return { account, org: row.org, member: row.member };
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

/**
 * Server actions admins may take too (README "Access policy": add people by hand, remove people
 * added by hand who are not owners). What an admin may not do is refused in lib/members.
 */
export async function assertAdmin(slug: unknown): Promise<Membership> {
  if (typeof slug !== 'string') throw new AppError('forbidden', 'Only owners and admins can do this');
  const membership = await getMembership(slug);
  if (!membership || (membership.member.role !== 'owner' && membership.member.role !== 'admin')) {
    throw new AppError('forbidden', 'Only owners and admins can do this');
  }
  return membership;
}
