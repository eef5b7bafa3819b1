import { expect, test } from '@playwright/test';
import { uniqueOrg } from './fixtures/accounts';
import { startProductionServer } from './fixtures/production-server';

const cookiesOf = (response: Response) => response.headers.getSetCookie();

// In production behind a TLS-terminating proxy, README's AUTH_URL is https: the session cookie
// must then be __Secure-, Secure, HttpOnly and SameSite=Lax. The suite's own server has an http
// AUTH_URL, so this starts a second one as README says, with an https AUTH_URL.
test('the session cookie is Secure, HttpOnly and SameSite when the public URL is https', async () => {
  test.setTimeout(120_000);
  const org = uniqueOrg('cookie');
  const port = Number(process.env.E2E_PORT ?? 3100) + 50;
  const server = await startProductionServer({
    port,
    authUrl: `https://127.0.0.1:${port}`,
    seed: [
      [
        'org:create',
        '--',
        '--slug',
        org.slug,
        '--name',
        org.orgName,
        '--owner-email',
        org.ownerEmail,
        '--owner-password',
        org.password,
        '--owner-given-name',
        org.ownerGivenName,
        '--owner-family-name',
        org.ownerFamilyName,
      ],
    ],
  });
  try {
    const csrf = await fetch(`${server.baseURL}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = cookiesOf(csrf)
      .map((c) => c.split(';')[0])
      .join('; ');
    const signIn = await fetch(`${server.baseURL}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email: org.ownerEmail, password: org.password }),
    });
    const session = cookiesOf(signIn).find((c) => c.includes('session-token='));
    expect(session, cookiesOf(signIn).join('\n')).toBeDefined();
    expect(session).toMatch(/^__Secure-authjs\.session-token=/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
  } finally {
    await server.stop();
  }
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
