import { expect, test, type Request } from '@playwright/test';
import { startOidcTestProvider, type OidcTestProvider } from '../test/oidc/oidc-test-provider';
import { signUp, uniqueOrg } from './fixtures/accounts';
import { configureSso } from './fixtures/sso';
import { createTokenInUi } from './fixtures/tokens';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let idp: OidcTestProvider;
test.beforeAll(async () => {
  idp = await startOidcTestProvider(Number(process.env.E2E_OIDC_PORT ?? 3131));
});
test.afterAll(async () => {
  await idp.stop();
});

// Pages already refuse a suspended member (issue 3); this proves the other doors: owner-only
// server actions (the SSO settings and invite links among them) and route handlers, for an
// owner whose session is open when the directory suspends them.
test('an owner the directory suspends is refused by every server action and route handler on their next request', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const org = uniqueOrg('doors');
  await signUp(page, org);
  const token = await createTokenInUi(page, org.slug, 'Okta');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
  const created = await request.post('/api/scim/v2/Users', {
    headers,
    data: {
      schemas: [USER_SCHEMA],
      userName: `zed-${org.slug}@corp.test`,
      displayName: 'Zed Provisioned',
      active: true,
      emails: [{ value: `zed-${org.slug}@corp.test`, type: 'work', primary: true }],
    },
  });
  expect(created.status()).toBe(201);
  const zedId = ((await created.json()) as { id: string }).id;

  const calls: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action']) calls.push(r);
  });
  await page.goto(`/orgs/${org.slug}/team`);
  const zedRow = page.getByRole('table', { name: 'Team members' }).getByRole('row').filter({ hasText: 'Zed Provisioned' });
  await zedRow.getByRole('button', { name: 'Invite link: Zed Provisioned' }).click();
  const inviteUrl = (await zedRow.getByTestId('member-invite-url').textContent()) ?? '';
  await configureSso(page, idp, org.slug, baseURL ?? '');
  page.removeAllListeners('request');
  expect(calls.length).toBeGreaterThanOrEqual(2);

  const context = await browser.newContext();
  const zed = await context.newPage();
  await zed.goto(inviteUrl);
  await zed.getByLabel('Your name').fill('Zed Provisioned');
  await zed.getByLabel('Choose a password').fill(org.password);
  await zed.getByRole('button', { name: 'Join the team' }).click();
  await expect(zed).toHaveURL(new RegExp(`/orgs/${org.slug}/team`));
  await page.goto(`/orgs/${org.slug}/team`);
  await zedRow.getByRole('button', { name: 'Make owner: Zed Provisioned' }).click();
  await expect(zedRow.getByRole('cell').nth(1)).toHaveText('owner');
  const exportUrl = `/orgs/${org.slug}/settings/security/sync-log/export`;
  expect((await context.request.get(exportUrl)).status()).toBe(200);

  const suspended = await request.patch(`/api/scim/v2/Users/${zedId}`, {
    headers,
    data: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { active: false } }] },
  });
  expect(suspended.status()).toBe(200);

  expect((await context.request.get(exportUrl)).status()).toBe(404);
  expect((await context.request.get(`/orgs/${org.slug}/team/events`)).status()).toBe(404);
  expect((await zed.goto(`/orgs/${org.slug}/settings/security`))?.status()).toBe(404);
  for (const call of calls) {
    const replayHeaders = Object.fromEntries(
      ['next-action', 'next-router-state-tree', 'content-type', 'accept', 'origin']
        .filter((n) => call.headers()[n])
        .map((n) => [n, call.headers()[n] as string]),
    );
    const replay = await context.request.post(call.url(), { headers: replayHeaders, data: call.postDataBuffer() ?? undefined });
    expect(await replay.text(), call.url()).toContain('Only owners can do this');
  }
  await context.close();
});
