import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { accounts } from '@/db/schema';
import { getDb } from '@/lib/database';
import { auth } from './config';

export type CurrentAccount = {
  id: string;
  email: string;
  name: string;
  /** The org whose single sign-on opened this session; undefined for a password session. */
  ssoOrgId?: string;
};

/** The signed-in account, read from the database once per request (React cache). */
export const getCurrentAccount = cache(async (): Promise<CurrentAccount | null> => {
  const session = await auth();
  const accountId = session?.user?.id;
  if (!accountId) return null;
  const db = await getDb();
  const [account] = await db.select({ id: accounts.id, email: accounts.email, name: accounts.name }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!account) return null;
  const ssoOrgId = (session as { ssoOrgId?: string }).ssoOrgId;
  return ssoOrgId ? { ...account, ssoOrgId } : account;
});
