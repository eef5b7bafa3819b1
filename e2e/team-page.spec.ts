import { expect, test } from '@playwright/test';
import { signUp, uniqueOrg } from './fixtures/accounts';
import { createTokenInUi } from './fixtures/tokens';

// Issue 13, item 6: what a new owner met on the team page, each checked as they would see it.

test('a new owner is pointed to Directory Sync, adds people, keeps their input on a refusal and sorts the team', async ({ page }) => {
  const org = uniqueOrg('team');
  await signUp(page, org);

  // Right after sign-up the team page says where the identity provider is connected.
  const callout = page.getByRole('region', { name: 'Connect your identity provider' });
  await expect(callout).toBeVisible();
  await callout.getByRole('link', { name: 'Set up Directory Sync' }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await page.goto(`/orgs/${org.slug}/team`);

  const form = page.locator('details').filter({ hasText: 'Add a member by hand' });
  const add = async (name: string, email: string, role = 'member') => {
    if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.getByText('Add a member by hand').click();
    const at = name.lastIndexOf(' ');
    await form.getByLabel('First name').fill(name.slice(0, at));
    await form.getByLabel('Last name').fill(name.slice(at + 1));
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption(role);
    await form.getByRole('button', { name: 'Add member' }).click();
  };
  await add('Zoe Zimmer', `zoe-${org.slug}@example.test`);
  await expect(page.getByTestId('invite-url')).toBeVisible();
  await add('Adam Able', `adam-${org.slug}@example.test`);
  await expect(page.getByText('Adam Able was added')).toBeVisible();

  // The same email again is refused, and what was typed stays (it used to empty both fields).
  await add('Zoe Again', `ZOE-${org.slug}@example.test`, 'admin');
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByLabel('First name')).toHaveValue('Zoe');
  await expect(form.getByLabel('Last name')).toHaveValue('Again');
  await expect(form.getByLabel('Email')).toHaveValue(`ZOE-${org.slug}@example.test`);
  await expect(form.getByLabel('Role')).toHaveValue('admin');

  // Newest first by default: someone just added is at the top, not on the last page.
  const rows = page.getByRole('table', { name: 'Team members' }).getByRole('rowheader');
  await expect(rows).toHaveText([/Adam Able/, /Zoe Zimmer/, /Olivia Owner/]);
  await page.getByLabel('Sort by').selectOption('name');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(rows).toHaveText([/Adam Able/, /Olivia Owner/, /Zoe Zimmer/]);
  await page.getByLabel('Sort by').selectOption('oldest');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(rows).toHaveText([/Olivia Owner/, /Zoe Zimmer/, /Adam Able/]);

  // Nobody who cannot sign in (no account yet: invite pending) is offered ownership.
  await expect(page.getByRole('button', { name: /^Make owner:/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove Zoe Zimmer' })).toBeVisible();

  // Once a token exists, the pointer has done its job.
  await createTokenInUi(page, org.slug, 'Entra');
  await page.goto(`/orgs/${org.slug}/team`);
  await expect(page.getByRole('heading', { name: 'Connect your identity provider' })).toHaveCount(0);
});

test('at 390 px the team page is as wide as the phone (the hidden Actions header stays in the scroll area)', async ({ page }) => {
  const org = uniqueOrg('phone');
  await signUp(page, org);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/orgs/${org.slug}/team`);
  await expect(page.getByRole('table', { name: 'Team members' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `the page is ${width} px wide at 390 px`).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/screenshots/team-390.png', fullPage: true });
});

test('the favicon and robots.txt are served from public/', async ({ request }) => {
  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await request.get('/robots.txt')).status()).toBe(200);
});
