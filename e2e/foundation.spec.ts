import { expect, test, type Request } from '@playwright/test';
import { fillMemberName, signIn, signUp, uniqueOrg } from './fixtures/accounts';
import { joinThroughInvite } from './fixtures/invites';

test('an owner signs up, sees themself, adds a member, makes them owner, signs out and back in', async ({ page, browser }) => {
  const org = uniqueOrg();
  await signUp(page, org);

  const team = page.getByRole('table', { name: 'Team members' });
  const me = team.getByRole('row').filter({ hasText: org.ownerEmail });
  await expect(me).toContainText('owner');
  await expect(me).toContainText('(you)');
  await page.screenshot({ path: 'test-results/screenshots/team-owner.png', fullPage: true });

  await page.getByText('Add a member by hand').click();
  await fillMemberName(page, 'Mia Member');
  await page.getByLabel('Email', { exact: true }).fill('mia@example.test');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status')).toContainText('Mia Member was added');
  const mia = team.getByRole('row').filter({ hasText: 'mia@example.test' });
  await expect(mia).toContainText('member');
  // Ownership is offered only to someone who can sign in: Mia joins through her link first.
  await expect(mia.getByRole('button', { name: 'Make owner: Mia Member' })).toHaveCount(0);
  await joinThroughInvite(browser, (await page.getByTestId('invite-url').textContent()) ?? '', 'Mia Member', org.password);
  await page.reload();

  await mia.getByRole('button', { name: 'Make owner: Mia Member' }).click();
  await expect(mia.getByRole('cell').nth(1)).toHaveText('owner');

  // The last-owner rule: with two owners, demoting one works; the remaining one cannot be.
  await mia.getByRole('button', { name: 'Remove owner: Mia Member' }).click();
  await expect(mia.getByRole('cell').nth(1)).toHaveText('member');
  await me.getByRole('button', { name: `Remove owner: ${org.ownerName}` }).click();
  await expect(me.getByRole('alert')).toContainText('last owner');
  await expect(me.getByRole('cell').nth(1)).toHaveText('owner');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`/orgs/${org.slug}/team`);
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, org.ownerEmail, org.password);
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/team`));
  await expect(page.getByRole('heading', { name: 'Team' })).toBeVisible();
});

test('sign-up shows form errors and refuses a taken URL name', async ({ page }) => {
  const org = uniqueOrg();
  await signUp(page, org);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.goto('/sign-up');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByText('Enter the organization name')).toBeVisible();
  // SCIM clients read the owner back as name.givenName / name.familyName (Okta's SPEC test).
  await expect(page.getByLabel('First name')).toHaveAccessibleDescription('Enter your first name');
  await expect(page.getByLabel('Last name')).toHaveAccessibleDescription('Enter your last name');
  await page.getByLabel('Organization name').fill('Copycat');
  await page.getByLabel('URL name').fill(org.slug);
  await page.getByLabel('First name').fill('Cat');
  await page.getByLabel('Last name').fill('Copy');
  await page.getByLabel('Work email').fill(`cat-${org.slug}@example.test`);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByText('Use at least 10 characters')).toBeVisible();
  // React resets the form after the action (the password is never echoed back): wait for that
  // reset before typing, or it can clear what was typed.
  await expect(page.getByLabel('Password')).toHaveValue('');
  await page.getByLabel('Password').fill(org.password);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByLabel('URL name')).toHaveAccessibleDescription(/That URL name is taken/);
  // What was typed survives the failed submit (React resets forms after an action).
  await expect(page.getByLabel('Work email')).toHaveValue(`cat-${org.slug}@example.test`);
});

for (const role of ['member', 'admin'] as const) {
  test(`a plain ${role} is refused the security page, the sync log and the owner-only actions`, async ({ page, browser }) => {
    const org = uniqueOrg();
    await signUp(page, org);
    await page.goto(`/orgs/${org.slug}/settings/security`);
    await expect(page.getByRole('heading', { name: 'Security' })).toBeVisible();
    await page.goto(`/orgs/${org.slug}/team`);

    // Invite a member; they join through the link with a password of their own.
    await page.getByText('Add a member by hand').click();
    await fillMemberName(page, 'Max Member');
    await page.getByLabel('Email', { exact: true }).fill(`max-${org.slug}@example.test`);
    await page.getByLabel('Role').selectOption(role);
    await page.getByRole('button', { name: 'Add member' }).click();
    const inviteUrl = (await page.getByTestId('invite-url').textContent()) ?? '';
    expect(inviteUrl).toContain('/invite/rsi_');

    const team = page.getByRole('table', { name: 'Team members' });
    const max = team.getByRole('row').filter({ hasText: 'Max Member' });
    await expect(max.getByRole('cell').nth(1)).toHaveText(role);

    // Record the owner's own "Make owner" call on someone else, to replay it as Max.
    await fillMemberName(page, 'Zed Target');
    await page.getByLabel('Email', { exact: true }).fill(`zed-${org.slug}@example.test`);
    await page.getByLabel('Role').selectOption('member');
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByRole('status')).toContainText('Zed Target was added');
    await joinThroughInvite(browser, (await page.getByTestId('invite-url').textContent()) ?? '', 'Zed Target', org.password);
    await page.reload();
    const zed = team.getByRole('row').filter({ hasText: 'Zed Target' });
    const actionCall = page.waitForRequest((r: Request) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await zed.getByRole('button', { name: 'Make owner: Zed Target' }).click();
    const recorded = await actionCall;
    await expect(zed.getByRole('cell').nth(1)).toHaveText('owner');
    await zed.getByRole('button', { name: 'Remove owner: Zed Target' }).click();
    await expect(zed.getByRole('cell').nth(1)).toHaveText('member');

    const memberContext = await browser.newContext();
    const memberPage = await memberContext.newPage();
    await memberPage.goto(inviteUrl);
    await memberPage.getByLabel('Your name').fill('Max Member');
    await memberPage.getByLabel('Choose a password').fill(org.password);
    await memberPage.getByRole('button', { name: 'Join the team' }).click();
    await expect(memberPage).toHaveURL(new RegExp(`/orgs/${org.slug}/team`));
    await expect(memberPage.getByRole('link', { name: 'Security' })).toHaveCount(0);
    await expect(memberPage.getByRole('button', { name: /Make owner/ })).toHaveCount(0);

    for (const path of ['settings/security', 'settings/security/sync-log', 'settings/security/sync-log/export']) {
      const direct = await memberPage.goto(`/orgs/${org.slug}/${path}`);
      expect(direct?.status(), path).toBe(404);
    }
    await memberPage.goto(`/orgs/${org.slug}/settings/security`);
    await expect(memberPage.getByRole('heading', { name: 'Security' })).toHaveCount(0);

    // Hiding the button is not the check: the same action, called directly by Max, is refused.
    const replay = await memberContext.request.post(recorded.url(), {
      headers: pick(recorded.headers(), ['next-action', 'next-router-state-tree', 'content-type', 'accept', 'origin']),
      data: recorded.postDataBuffer() ?? undefined,
    });
    expect(await replay.text()).toContain('Only owners can do this');
    await page.reload();
    await expect(zed.getByRole('cell').nth(1)).toHaveText('member');
    await expect(max.getByRole('cell').nth(1)).toHaveText(role);
    await memberContext.close();
  });
}

function pick(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => headers[n] !== undefined).map((n) => [n, headers[n] as string]));
}

test('sign-in attempts are limited: after 10 failures the form says to wait, even with the right password', async ({ page }) => {
  const org = uniqueOrg('lock');
  await signUp(page, org);
  await page.getByRole('button', { name: 'Sign out' }).click();
  for (let i = 0; i < 10; i++) {
    await signIn(page, org.ownerEmail, `wrong password ${i}`);
    await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toHaveText('Wrong email or password');
  }
  await signIn(page, org.ownerEmail, org.password);
  await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toContainText('Too many failed attempts');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('removal asks in a dialog; someone on no team lands on the org picker and can sign out there', async ({ page, browser }) => {
  const org = uniqueOrg();
  await signUp(page, org);
  await page.getByText('Add a member by hand').click();
  await fillMemberName(page, 'Rex Removed');
  await page.getByLabel('Email', { exact: true }).fill(`rex-${org.slug}@example.test`);
  await page.getByRole('button', { name: 'Add member' }).click();
  await joinThroughInvite(browser, (await page.getByTestId('invite-url').textContent()) ?? '', 'Rex Removed', org.password);
  await page.reload();

  const rex = page.getByRole('table', { name: 'Team members' }).getByRole('row').filter({ hasText: 'Rex Removed' });
  await rex.getByRole('button', { name: 'Remove Rex Removed' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove Rex Removed from the team?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(rex).toHaveCount(1);
  await rex.getByRole('button', { name: 'Remove Rex Removed' }).click();
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(rex).toHaveCount(0);

  const context = await browser.newContext();
  const rexPage = await context.newPage();
  await signIn(rexPage, `rex-${org.slug}@example.test`, org.password);
  await expect(rexPage).toHaveURL(/\/orgs$/);
  await expect(rexPage.getByRole('heading', { name: 'Your organizations' })).toBeVisible();
  await rexPage.getByRole('button', { name: 'Sign out' }).click();
  await expect(rexPage).toHaveURL(/\/sign-in/);
  await rexPage.goto('/orgs');
  await expect(rexPage).toHaveURL(/\/sign-in/);
  await context.close();
});
