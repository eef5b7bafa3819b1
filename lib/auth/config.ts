import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getEnv, trustsHost } from '@/lib/env';
import { authorizeCredentials } from './authorize-credentials';
import { getAuthSecret } from './dev-secret';

// Lazy config: the secret is read on the first request, not while `next build` imports this.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  return {
    secret: getAuthSecret(),
    trustHost: trustsHost(env),
    // The session carries only the account id; roles are read from the database per request.
    session: { strategy: 'jwt', maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
        authorize: authorizeCredentials,
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
});
