import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';
import { fillMemberName, signUp, uniqueOrg } from './fixtures/accounts';
import { expectNotInServerLog } from './fixtures/server-log';

// lib/scim/idp.ts maps this User-Agent (Entra's own) to "entra".
const ENTRA_UA = 'Microsoft Azure AD SCIM provisioning';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

function asIdp(request: APIRequestContext, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'user-agent': ENTRA_UA, 'content-type': 'application/scim+json' };
  return {
    get: (path: string) => request.get(`/api/scim/v2${path}`, { headers }),
    post: (path: string, body: unknown) => request.post(`/api/scim/v2${path}`, { headers, data: body }),
  };
}

function step(page: Page, label: string) {
  return page.getByRole('listitem').filter({ hasText: label });
}

test('an owner connects an IdP: endpoint, token, first calls, sync log, CSV, revoke', async ({ page, context, request, baseURL }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const org = uniqueOrg('sec');
  await signUp(page, org);
  await page.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Not connected');
  await expect(page.getByText('No tokens yet')).toBeVisible();

  // The endpoint comes from APP_URL, and the copy button says so visibly.
  const endpoint = `${baseURL}/api/scim/v2`;
  await expect(page.getByLabel('SCIM endpoint URL')).toHaveValue(endpoint);
  await page.getByRole('button', { name: 'Copy endpoint' }).click();
  await expect(page.getByRole('button', { name: 'Copy endpoint' })).toContainText('Copied!');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(endpoint);
  await shot(page, 'security-not-connected');

  // The dialog takes focus, closes on Escape and hands focus back to its opener.
  const addToken = page.getByRole('button', { name: 'Add token' });
  await addToken.click();
  const dialog = page.getByRole('dialog', { name: 'Add a SCIM token' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(addToken).toBeFocused();

  await addToken.click();
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByText('Name the token')).toBeVisible();
  await dialog.getByLabel('Name').fill('Entra production');
  await expect(dialog.getByRole('checkbox', { name: /Manage SCIM/ })).toBeChecked();
  await dialog.getByLabel('Expires after (days)').fill('10');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByText("Copy it now — you won't see this token again")).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy token' }).click();
  await expect(dialog.getByRole('button', { name: 'Copy token' })).toContainText('Copied!');
  const token = await page.evaluate(() => navigator.clipboard.readText());
  expect(token).toMatch(/^rst_[A-Za-z0-9_-]{40,}$/);
  await expect(dialog.getByTestId('new-token-secret')).toHaveValue(token);
  await shot(page, 'security-token-created');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('table', { name: 'SCIM tokens' }).getByRole('row').filter({ hasText: 'Entra production' });
  await expect(row).toContainText('Manage SCIM');
  await expect(row).toContainText(`${token.slice(0, 8)}…`);
  await expect(row).toContainText('Expires soon');
  await expect(row).toContainText('Entra quarantines a provisioning job whose token expires');
  await expect(row).toContainText(org.ownerEmail);
  // Shown once: after the dialog closes, the secret is nowhere on the page, nor after a reload.
  expect(await page.content()).not.toContain(token);
  await page.reload();
  expect(await page.content()).not.toContain(token);

  // Act as Entra: Test Connection, then provisioning.
  const idp = asIdp(request, token);
  const probe = await idp.get(`/Users?filter=${encodeURIComponent('userName eq "b7e1c0a2-probe@nowhere.test"')}`);
  expect(probe.status()).toBe(200);
  expect(((await probe.json()) as { totalResults: number }).totalResults).toBe(0);
  const user = {
    schemas: [USER_SCHEMA],
    userName: `ada-${org.slug}@example.test`,
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [{ value: `ada-${org.slug}@example.test`, type: 'work', primary: true }],
    active: true,
  };
  expect((await idp.post('/Users', user)).status()).toBe(201);
  expect((await idp.post('/Users', user)).status()).toBe(409);
  expect((await idp.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Engineering' })).status()).toBe(201);

  await page.reload();
  await expect(page.getByTestId('sync-status')).toContainText('Connected');
  await expect(page.getByTestId('sync-status')).toContainText('last sync');
  await expect(page.getByTestId('sync-idp')).toHaveText('Microsoft Entra ID');
  for (const label of ['First request authenticated', 'First user provisioned', 'First group pushed', 'Microsoft Entra ID: Test Connection succeeded']) {
    await expect(step(page, label)).toHaveAttribute('data-done', 'true');
  }
  await expect(step(page, 'Okta: userName lookup succeeded')).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId('latest-failure')).toContainText('A user with that userName already exists');
  await expect(row).toContainText('Microsoft Entra ID');
  await shot(page, 'security-connected');

  // The sync log lists the calls, newest first, with a chart and filters.
  await page.getByRole('link', { name: 'Open the sync log' }).click();
  await expect(page.getByRole('heading', { name: 'Sync log' })).toBeVisible();
  const log = page.getByRole('table', { name: 'SCIM requests, newest first' });
  await expect(log.getByRole('row')).toHaveCount(5);
  await expect(log.getByRole('row').nth(1)).toContainText('Group create');
  await expect(log.getByRole('row').nth(4)).toContainText('User list');
  await expect(page.getByRole('img', { name: /4 SCIM requests and 1 error between/ })).toBeVisible();
  await shot(page, 'sync-log');

  await page.getByLabel('Outcome').selectOption('failure');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/outcome=failure/);
  await expect(log.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('img', { name: /1 SCIM request and 1 error/ })).toBeVisible();
  await log.getByRole('link', { name: /User create at .*: details/ }).click();
  await expect(page.getByRole('heading', { name: /User create/ })).toContainText('409');
  await expect(page.getByRole('status').filter({ hasText: 'What went wrong' })).toContainText('A user with that userName already exists');
  await expect(page.getByText('POST /Users')).toBeVisible();
  await expect(page.getByText('Entra production')).toBeVisible();
  await shot(page, 'sync-log-event');

  // CSV of the filtered view, downloaded as an attachment.
  await page.goto(`/orgs/${org.slug}/settings/security/sync-log?outcome=failure&range=24h`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^roster-sync-log-${org.slug}-.*\\.csv$`));
  const csv = fs.readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('occurred_at,action,method,path,status,idp,duration_ms,token,resource_id,filter,error_type,error_detail,resource_name');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(',scim.user.create,POST,/Users,409,entra,');

  // Revoking takes effect on the IdP's very next call.
  await page.goto(`/orgs/${org.slug}/settings/security`);
  await row.getByRole('button', { name: 'Revoke Entra production' }).click();
  const confirm = page.getByRole('dialog', { name: /Revoke “Entra production”/ });
  await expect(confirm).toContainText('401');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Revoked');
  expect((await idp.get('/Users')).status()).toBe(401);
  await page.reload();
  await expect(page.getByTestId('latest-failure')).toContainText('revoked');
  await shot(page, 'security-revoked');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'security-phone');
  // The token and the owner's password passed through the server; neither may reach its log.
  expectNotInServerLog(token, org.password);
});

test('a plain member gets 404 on the sync log, its events and its export, and the token actions refuse them', async ({ page, browser }) => {
  const org = uniqueOrg('secm');
  await signUp(page, org);
  await page.getByText('Add a member by hand').click();
  await fillMemberName(page, 'Max Member');
  await page.getByLabel('Email', { exact: true }).fill(`max-${org.slug}@example.test`);
  await page.getByRole('button', { name: 'Add member' }).click();
  const inviteUrl = (await page.getByTestId('invite-url').textContent()) ?? '';

  // Record the owner's own "create token" call, to replay it as the member.
  await page.goto(`/orgs/${org.slug}/settings/security`);
  await page.getByRole('button', { name: 'Add token' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Owner token');
  const actionCall = page.waitForRequest((r: Request) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await page.getByRole('button', { name: 'Create token' }).click();
  const recorded = await actionCall;
  await expect(page.getByText("you won't see this token again")).toBeVisible();

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(inviteUrl);
  await member.getByLabel('Your name').fill('Max Member');
  await member.getByLabel('Choose a password').fill(org.password);
  await member.getByRole('button', { name: 'Join the team' }).click();
  await expect(member).toHaveURL(new RegExp(`/orgs/${org.slug}/team`));

  for (const path of ['settings/security', 'settings/security/sync-log', 'settings/security/sync-log/AAAA']) {
    expect((await member.goto(`/orgs/${org.slug}/${path}`))?.status(), path).toBe(404);
  }
  const csv = await memberContext.request.get(`/orgs/${org.slug}/settings/security/sync-log/export?range=30d`);
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain('occurred_at');

  const replay = await memberContext.request.post(recorded.url(), {
    headers: Object.fromEntries(
      ['next-action', 'next-router-state-tree', 'content-type', 'accept', 'origin']
        .filter((n) => recorded.headers()[n])
        .map((n) => [n, recorded.headers()[n] as string]),
    ),
    data: recorded.postDataBuffer() ?? undefined,
  });
  expect(await replay.text()).toContain('Only owners can do this');
  await page.reload();
  await expect(page.getByRole('table', { name: 'SCIM tokens' }).getByRole('row')).toHaveCount(2);
  await memberContext.close();
});
