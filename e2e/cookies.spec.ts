import { expect, test } from '@playwright/test';
import { signUp, uniqueOrg } from './fixtures/accounts';

const cookiesOf = (response: Response) => response.headers.getSetCookie();

// Behind a TLS-terminating proxy (AUTH_TRUST_HOST, X-Forwarded-Proto: https) the session cookie
// must be __Secure-, Secure, HttpOnly and SameSite=Lax; the e2e server itself speaks plain HTTP.
test('the session cookie is Secure, HttpOnly and SameSite when served over HTTPS', async ({ page, baseURL }) => {
  const org = uniqueOrg('cookie');
  await signUp(page, org);
  const https = { 'x-forwarded-proto': 'https' };
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers: https });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookiesOf(csrf).map((c) => c.split(';')[0]).join('; ');
  const signIn = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...https, 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: org.ownerEmail, password: org.password }),
  });
  const session = cookiesOf(signIn).find((c) => c.includes('session-token='));
  expect(session, cookiesOf(signIn).join('\n')).toBeDefined();
  expect(session).toMatch(/^__Secure-authjs\.session-token=/);
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
});

test('pages carry the security headers: CSP without framing, nosniff, referrer policy', async ({ request }) => {
  const response = await request.get('/sign-in');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-powered-by']).toBeUndefined();
});
