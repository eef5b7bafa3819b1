import { and, eq, inArray } from 'drizzle-orm';
import { accounts, members } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/** Last sign-in per member of one page: when and how (SSO, password), null = never signed in. */
export type LastSignInDto = { at: string; method: 'sso' | 'password' | 'invite' } | null;

export async function findLastSignIns(db: DbOrTx, orgId: string, memberIds: string[]): Promise<Record<string, LastSignInDto>> {
  if (memberIds.length === 0) return {};
  const rows = await db
    .select({ memberId: members.id, at: accounts.lastSignInAt, method: accounts.lastSignInMethod })
    .from(members)
    .innerJoin(accounts, eq(accounts.id, members.accountId))
    .where(and(eq(members.orgId, orgId), inArray(members.id, memberIds)));
  const out: Record<string, LastSignInDto> = {};
  for (const r of rows) out[r.memberId] = r.at && r.method ? { at: r.at.toISOString(), method: r.method } : null;
  return out;
}
