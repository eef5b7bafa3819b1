import { CredentialsSignin } from 'next-auth';
import { eq, sql } from 'drizzle-orm';
import { accounts } from '@/db/schema';
import { getDb } from '@/lib/database';
import { signInSchema } from '@/lib/validation/sign-up';
import { dummyPasswordHash, verifyPassword } from './password';
import { recordSignInFailure, signInAllowed } from './sign-in-limits';
import { ssoRequiredFor } from './sso-required-for';

export type AuthorizedAccount = { id: string; email: string; name: string };

/** Too many failed attempts for this email or address: the form says so instead of "wrong". */
export class TooManySignInAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

function clientIp(request: Request | undefined): string | null {
  return request?.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request?.headers.get('x-real-ip') || null;
}

/** Every org this account belongs to requires single sign-on: the form says to use it. */
export class SsoRequired extends CredentialsSignin {
  code = 'sso_required';
}

/** Email + password check for Auth.js's Credentials provider. Null means "wrong", whatever the reason. */
export async function authorizeCredentials(raw: unknown, request?: Request): Promise<AuthorizedAccount | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const db = await getDb();
  const ip = clientIp(request);
  if (!(await signInAllowed(db, parsed.data.email, ip))) throw new TooManySignInAttempts();
  const [account] = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${parsed.data.email} and ${accounts.passwordHash} is not null`)
    .limit(1);
  // An unknown email costs one argon2 verification too, so timing does not reveal accounts.
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
  if (account?.passwordHash && ok) {
    if (await ssoRequiredFor(db, account.id)) throw new SsoRequired();
    await db.update(accounts).set({ lastSignInAt: new Date(), lastSignInMethod: 'password' }).where(eq(accounts.id, account.id));
    return { id: account.id, email: account.email, name: account.name };
  }
  await recordSignInFailure(db, parsed.data.email, ip);
  return null;
}
