import { expect, test, type APIRequestContext } from '@playwright/test';
import { signUp, uniqueOrg } from './fixtures/accounts';
import { createTokenInUi } from './fixtures/tokens';

// Issue 13, items 5 and 6 on the Security pages, as an owner meets them.

const ENTRA_UA = 'Microsoft Azure AD SCIM provisioning';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function asEntra(request: APIRequestContext, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'user-agent': ENTRA_UA, 'content-type': 'application/scim+json' };
  return {
    get: (path: string) => request.get(`/api/scim/v2${path}`, { headers }),
    post: (path: string, data: unknown) => request.post(`/api/scim/v2${path}`, { headers, data }),
    patch: (path: string, data: unknown) => request.patch(`/api/scim/v2${path}`, { headers, data }),
  };
}

const user = (userName: string) => ({
  schemas: [USER_SCHEMA],
  userName,
  name: { givenName: 'Test', familyName: 'Person' },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
});

test('the setup checklist ticks while the IdP makes its first calls, without a reload', async ({ page, request }) => {
  const org = uniqueOrg('check');
  await signUp(page, org);
  const token = await createTokenInUi(page, org.slug, 'Entra');
  await page.goto(`/orgs/${org.slug}/settings/security`);
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  const step = (label: string) => page.getByRole('listitem').filter({ hasText: label });
  await expect(step('First user provisioned')).toHaveAttribute('data-done', 'false');

  const entra = asEntra(request, token);
  expect((await entra.get(`/Users?filter=${encodeURIComponent('userName eq "probe-7f3a@nowhere.test"')}`)).status()).toBe(200);
  expect((await entra.post('/Users', user(`first-${org.slug}@example.test`))).status()).toBe(201);
  expect((await entra.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'First group' })).status()).toBe(201);
  for (const label of ['First request authenticated', 'First user provisioned', 'First group pushed', 'Microsoft Entra ID: Test Connection succeeded']) {
    await expect(step(label)).toHaveAttribute('data-done', 'true', { timeout: 10_000 });
  }
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});

test('the sync log names people and groups, filters by person, and labels the event detail in words', async ({ page, request }) => {
  const org = uniqueOrg('names');
  await signUp(page, org);
  const token = await createTokenInUi(page, org.slug, 'Entra');
  const entra = asEntra(request, token);
  const ada = `ada-${org.slug}@example.test`;
  const created = await entra.post('/Users', user(ada));
  expect(created.status()).toBe(201);
  const adaId = ((await created.json()) as { id: string }).id;
  expect((await entra.post('/Users', user(`bob-${org.slug}@example.test`))).status()).toBe(201);
  const group = await entra.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Analysts' });
  const groupId = ((await group.json()) as { id: string }).id;
  expect(
    (await entra.patch(`/Groups/${groupId}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'Add', path: 'members', value: [{ value: adaId }] }] })).status(),
  ).toBe(204);

  await page.goto(`/orgs/${org.slug}/settings/security/sync-log`);
  const log = page.getByRole('table', { name: 'SCIM requests, newest first' });
  await expect(log.getByRole('row').filter({ hasText: 'User create' }).filter({ hasText: ada })).toHaveCount(1);
  await expect(log.getByRole('row').filter({ hasText: 'Group patch' })).toContainText('Analysts');
  await page.screenshot({ path: 'test-results/screenshots/sync-log-names.png', fullPage: true });
  // The chart: calls made just now are in the newest bar (they were one bar early, issue 13).
  const lastTick = (await page.getByTestId('activity-chart').locator('text').last().textContent()) ?? '';
  const busyBars = page
    .getByRole('table', { name: /Requests and errors per/ })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
  await expect(busyBars).toHaveCount(1);
  await expect(busyBars.getByRole('cell').first()).toHaveText(lastTick);

  await page.getByLabel('Person or group').fill('ada-');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/person=ada-/);
  await expect(log.getByRole('row')).toHaveCount(2);
  await expect(log).toContainText(ada);
  await expect(log).not.toContainText('bob-');

  await page.goto(`/orgs/${org.slug}/settings/security/sync-log?person=Analysts`);
  await log.getByRole('link', { name: /Group patch at .*: details/ }).click();
  await expect(page.getByRole('heading', { name: /Group patch/ })).toBeVisible();
  await expect(page.getByText('Members added')).toBeVisible();
  await expect(page.getByText('membersAdded')).toHaveCount(0);
  await expect(page.getByText('Analysts').first()).toBeVisible();

  // The caller's address as a person reads it.
  await page.goto(`/orgs/${org.slug}/settings/security`);
  const row = page.getByRole('table', { name: 'SCIM tokens' }).getByRole('row').filter({ hasText: 'Entra' });
  await expect(row).toContainText('127.0.0.1');
  await expect(row).not.toContainText('::ffff:');
});

test('revoking a token by keyboard: the dialog reads left to right and focus lands on the revoked token', async ({ page }) => {
  const org = uniqueOrg('revoke');
  await signUp(page, org);
  await createTokenInUi(page, org.slug, 'Okta production');
  await page.goto(`/orgs/${org.slug}/settings/security`);
  const revoke = page.getByRole('button', { name: 'Revoke Okta production' });
  await revoke.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Revoke “Okta production”/ });
  await expect(dialog).toBeVisible();
  const align = await dialog.getByText('Rotating?').evaluate((p) => getComputedStyle(p).textAlign);
  expect(['left', 'start']).toContain(align);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Revoke token' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const row = page.getByRole('table', { name: 'SCIM tokens' }).getByRole('row').filter({ hasText: 'Okta production' });
  await expect(row).toContainText('Revoked');
  // Focus stays in the page, on what changed, rather than falling to <body>.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Okta production');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
});
