import { expect, test, type Page, type Request } from '@playwright/test';
import { fillMemberName, signUp, uniqueOrg } from './fixtures/accounts';
import { joinThroughInvite } from './fixtures/invites';

/** Records every server-action call `act` makes in the owner's page. */
async function recordActions(page: Page, act: () => Promise<void>): Promise<Request[]> {
  const calls: Request[] = [];
  const listener = (r: Request) => {
    if (r.method() === 'POST' && r.headers()['next-action']) calls.push(r);
  };
  page.on('request', listener);
  await act();
  page.off('request', listener);
  return calls;
}

async function addMember(page: Page, name: string, email: string, role = 'member') {
  await fillMemberName(page, name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status')).toContainText(`${name} was added`);
}

// Every owner-only server action, called directly (its recorded bytes replayed) by a member and
// by an admin: each is refused by the server, and nothing changes.
for (const role of ['member', 'admin'] as const) {
  test(`every owner-only action is refused when a${role === 'admin' ? 'n' : ''} ${role} calls it directly`, async ({ page, browser }) => {
    test.setTimeout(90_000);
    const org = uniqueOrg(`act${role[0]}`);
    await signUp(page, org);
    await page.getByText('Add a member by hand').click();
    await addMember(page, 'Max Caller', `max-${org.slug}@example.test`, role);
    const inviteUrl = (await page.getByTestId('invite-url').textContent()) ?? '';
    await addMember(page, 'Zed Target', `zed-${org.slug}@example.test`);
    // Ownership is offered only to someone who can sign in: Zed joins first.
    await joinThroughInvite(browser, (await page.getByTestId('invite-url').textContent()) ?? '', 'Zed Target', org.password);
    await page.reload();
    await page.getByText('Add a member by hand').click();
    const team = page.getByRole('table', { name: 'Team members' });
    const zed = team.getByRole('row').filter({ hasText: 'Zed Target' });

    const calls = await recordActions(page, async () => {
      await addMember(page, 'Amy Added', `amy-${org.slug}@example.test`);
      await zed.getByRole('button', { name: 'Make owner: Zed Target' }).click();
      await expect(zed.getByRole('cell').nth(1)).toHaveText('owner');
      await zed.getByRole('button', { name: 'Remove owner: Zed Target' }).click();
      await expect(zed.getByRole('cell').nth(1)).toHaveText('member');
      await team.getByRole('row').filter({ hasText: 'Amy Added' }).getByRole('button', { name: 'Remove Amy Added' }).click();
      await page.getByRole('dialog', { name: 'Remove Amy Added from the team?' }).getByRole('button', { name: 'Remove' }).click();
      await expect(team.getByRole('row').filter({ hasText: 'Amy Added' })).toHaveCount(0);
      await page.goto(`/orgs/${org.slug}/settings/security`);
      await page.getByRole('button', { name: 'Add token' }).click();
      await page.getByRole('dialog').getByLabel('Name').fill('Owner token');
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.getByRole('button', { name: 'Done' }).click();
      const row = page.getByRole('table', { name: 'SCIM tokens' }).getByRole('row').filter({ hasText: 'Owner token' });
      await row.getByRole('button', { name: 'Revoke Owner token' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
      await expect(row).toContainText('Revoked');
    });
    // add, make owner, remove owner, remove, create token, revoke token
    expect(calls).toHaveLength(6);

    const context = await browser.newContext();
    const caller = await context.newPage();
    await caller.goto(inviteUrl);
    await caller.getByLabel('Your name').fill('Max Caller');
    await caller.getByLabel('Choose a password').fill(org.password);
    await caller.getByRole('button', { name: 'Join the team' }).click();
    await expect(caller).toHaveURL(new RegExp(`/orgs/${org.slug}/team`));
    // Admins may add people by hand and remove hand-added non-owners (README "Access policy"):
    // for an admin, only the other four are owner-only.
    const ownerOnly = role === 'admin' ? calls.filter((_, i) => i !== 0 && i !== 3) : calls;
    for (const call of ownerOnly) {
      const headers = Object.fromEntries(
        ['next-action', 'next-router-state-tree', 'content-type', 'accept', 'origin']
          .filter((n) => call.headers()[n])
          .map((n) => [n, call.headers()[n] as string]),
      );
      const replay = await context.request.post(call.url(), { headers, data: call.postDataBuffer() ?? undefined });
      expect(await replay.text(), call.url()).toMatch(/Only owners( and admins)? can do this/);
    }
    await page.goto(`/orgs/${org.slug}/team`);
    await expect(team.getByRole('row').filter({ hasText: 'Amy Added' })).toHaveCount(0);
    await expect(zed.getByRole('cell').nth(1)).toHaveText('member');
    await expect(team.getByRole('row').filter({ hasText: 'Max Caller' }).getByRole('cell').nth(1)).toHaveText(role);
    await page.goto(`/orgs/${org.slug}/settings/security`);
    await expect(page.getByRole('table', { name: 'SCIM tokens' }).getByRole('row')).toHaveCount(2);
    await context.close();
  });
}
