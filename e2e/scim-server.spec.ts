import { expect, test, type APIResponse } from '@playwright/test';
import { signUp, uniqueOrg } from './fixtures/accounts';
import { createTokenInUi } from './fixtures/tokens';

// The production server (server/, `npm start`) answers /api/scim/v2 itself and hands the rest to
// Next. Over real HTTP: SCIM keeps its content type, limits and Next's security headers, and
// pages still render through Next.

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-powered-by']).toBeUndefined();
}

test('SCIM without a token: 401 as SCIM JSON with the security headers, any letter case', async ({ request }) => {
  for (const path of ['/api/scim/v2/ServiceProviderConfig', '/API/Scim/V2/serviceproviderconfig?x=1']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
    expect(response.headers()['content-type']).toMatch(/^application\/scim\+json/);
    expect(response.headers()['www-authenticate']).toMatch(/^Bearer/);
    expectSecurityHeaders(response);
    expect(await response.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
  }
  // Served directly: no trailing-slash redirect from Next in front of the handler.
  expect((await request.get('/api/scim/v2/Users/', { maxRedirects: 0 })).status()).toBe(401);
});

test('a SCIM body over 1 MiB is refused with a SCIM 413, and the connection still answers', async ({ page, request }) => {
  const org = uniqueOrg('srv');
  await signUp(page, org);
  const token = await createTokenInUi(page, org.slug, 'Big body');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
  const padding = 'x'.repeat(1_100_000);
  const body = JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'big@example.test', title: padding });
  const tooLarge = await request.post('/api/scim/v2/Users', { headers, data: body });
  expect(tooLarge.status()).toBe(413);
  expect(tooLarge.headers()['content-type']).toMatch(/^application\/scim\+json/);
  expectSecurityHeaders(tooLarge);
  expect(await tooLarge.json()).toMatchObject({ status: '413' });
  const after = await request.get('/api/scim/v2/Users?filter=userName%20eq%20%22big@example.test%22', { headers });
  expect(after.status()).toBe(200);
  expect(await after.json()).toMatchObject({ totalResults: 0 });
});

test('pages still render through Next behind the SCIM server', async ({ request }) => {
  const response = await request.get('/sign-in');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/html/);
  expectSecurityHeaders(response);
  expect(await response.text()).toContain('Sign in');
});
