import { sql } from 'drizzle-orm';
import { accounts } from '@/db/schema';
import { getDb } from '@/db/client';
import { signInSchema } from '@/lib/validation/sign-up';
import { dummyPasswordHash, verifyPassword } from './password';

export type AuthorizedAccount = { id: string; email: string; name: string };

/** Email + password check for Auth.js's Credentials provider. Null means "wrong", whatever the reason. */
export async function authorizeCredentials(raw: unknown): Promise<AuthorizedAccount | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const db = await getDb();
  const [account] = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${parsed.data.email}`)
    .limit(1);
  if (!account?.passwordHash) {
    await verifyPassword(await dummyPasswordHash(), parsed.data.password);
    return null;
  }
  const ok = await verifyPassword(account.passwordHash, parsed.data.password);
  return ok ? { id: account.id, email: account.email, name: account.name } : null;
}
