import { expect, test, type Request } from '@playwright/test';
import { fillMemberName, signUp, uniqueOrg } from './fixtures/accounts';
import { joinThroughInvite } from './fixtures/invites';

test("a cross-site request cannot run an owner's action with the owner's cookies (CSRF)", async ({ page, browser }) => {
  const org = uniqueOrg('csrf');
  await signUp(page, org);
  await page.getByText('Add a member by hand').click();
  await fillMemberName(page, 'Cara Target');
  await page.getByLabel('Email', { exact: true }).fill(`cara-${org.slug}@example.test`);
  await page.getByRole('button', { name: 'Add member' }).click();
  const cara = page.getByRole('table', { name: 'Team members' }).getByRole('row').filter({ hasText: 'Cara Target' });
  await expect(cara.getByRole('cell').nth(1)).toHaveText('member');
  // Ownership is offered only to someone who can sign in: Cara joins through her link first.
  await joinThroughInvite(browser, (await page.getByTestId('invite-url').textContent()) ?? '', 'Cara Target', org.password);
  await page.reload();

  // Record what the browser sends for "Make owner", then undo it.
  const call = page.waitForRequest((r: Request) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await cara.getByRole('button', { name: 'Make owner: Cara Target' }).click();
  const recorded = await call;
  await expect(cara.getByRole('cell').nth(1)).toHaveText('owner');
  await cara.getByRole('button', { name: 'Remove owner: Cara Target' }).click();
  await expect(cara.getByRole('cell').nth(1)).toHaveText('member');

  // The same bytes with the owner's session cookie, but sent from another site.
  const headers = recorded.headers();
  const forged = await page.request.post(recorded.url(), {
    headers: { 'next-action': headers['next-action'] ?? '', 'content-type': headers['content-type'] ?? '', origin: 'https://evil.example' },
    data: recorded.postDataBuffer() ?? undefined,
  });
  expect(forged.ok()).toBe(false);
  // A framework error in production says nothing about the code: no stack, no file paths.
  expect(await forged.text()).not.toMatch(/\n\s+at |node_modules|\.tsx?:\d+/);
  await page.reload();
  await expect(cara.getByRole('cell').nth(1)).toHaveText('member');
});
