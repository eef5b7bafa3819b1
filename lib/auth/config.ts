import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getEnv, trustsHost } from '@/lib/env';
import { authorizeCredentials } from './authorize-credentials';
import { authorizeSsoTicket } from './authorize-sso-ticket';
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
      // Redeems the one-time ticket Roster's OIDC callback made (lib/sso): per-org IdPs are not
      // Auth.js providers, because an org's issuer is only known from the database per request.
      Credentials({ id: 'sso-ticket', credentials: { ticket: {} }, authorize: authorizeSsoTicket }),
    ],
    callbacks: {
      // Besides the account id, how this session was signed in (password or which org's SSO):
      // "Require SSO" is enforced per request from it (lib/auth/guards.ts). Roles stay in the DB.
      jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          const sso = (user as { method?: unknown; ssoOrgId?: unknown }).method === 'sso';
          token.ssoOrgId = sso ? (user as { ssoOrgId?: string }).ssoOrgId : undefined;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        (session as { ssoOrgId?: string }).ssoOrgId = typeof token.ssoOrgId === 'string' ? token.ssoOrgId : undefined;
        return session;
      },
    },
  };
});
