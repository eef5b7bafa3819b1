import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { fillMemberName, signUp, uniqueOrg } from './fixtures/accounts';
import { createTokenInUi } from './fixtures/tokens';

// Issue 12 / README "Access policy", as an owner meets it in the browser while an IdP syncs.
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function scim(request: APIRequestContext, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'user-agent': 'Okta SCIM Client 1.0.0', 'content-type': 'application/scim+json' };
  return {
    createUser: async (userName: string, displayName: string) => {
      const reply = await request.post('/api/scim/v2/Users', {
        headers,
        data: { schemas: [USER_SCHEMA], userName, displayName, emails: [{ value: userName, type: 'work', primary: true }], active: true },
      });
      expect(reply.status()).toBe(201);
      return ((await reply.json()) as { id: string }).id;
    },
    createGroup: async (displayName: string) => {
      const reply = await request.post('/api/scim/v2/Groups', { headers, data: { schemas: [GROUP_SCHEMA], displayName } });
      expect(reply.status()).toBe(201);
      return ((await reply.json()) as { id: string }).id;
    },
    addToGroup: async (groupId: string, id: string) => {
      const reply = await request.patch(`/api/scim/v2/Groups/${groupId}`, {
        headers,
        data: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }] },
      });
      expect(reply.status()).toBe(204);
    },
    remove: (id: string) => request.delete(`/api/scim/v2/Users/${id}`, { headers }),
  };
}

async function mapGroup(page: Page, slug: string, group: string, role: 'owner' | 'admin' | 'member') {
  await page.goto(`/orgs/${slug}/settings/security`);
  const card = page.getByRole('region', { name: 'Directory Sync' });
  await card.getByLabel('Group', { exact: true }).selectOption({ label: group });
  await card.getByLabel('Maps to').selectOption(role);
  await card.getByRole('button', { name: 'Map group' }).click();
  await expect(card.getByRole('table', { name: 'Role mappings' }).getByRole('row').filter({ hasText: group })).toContainText(
    role === 'owner' ? 'Owner' : role === 'admin' ? 'Admin' : 'Member',
  );
}

test('a group mapped to admin makes a person pushed into it admin, live; an owner by mapping cannot be demoted by hand', async ({ page, request }) => {
  test.setTimeout(120_000);
  const org = uniqueOrg('roles');
  await signUp(page, org);
  const idp = scim(request, await createTokenInUi(page, org.slug, 'Okta'));
  const leads = await idp.createGroup('Platform-Leads');
  const founders = await idp.createGroup('Founders');
  const ada = await idp.createUser(`ada-${org.slug}@example.test`, 'Ada Admin');
  await mapGroup(page, org.slug, 'Platform-Leads', 'admin');

  await page.goto(`/orgs/${org.slug}/team`);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true');
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  const row = page.getByRole('table', { name: 'Team members' }).getByRole('row').filter({ hasText: 'Ada Admin' });
  await expect(row.getByRole('cell').nth(1)).toHaveText('member');
  await idp.addToGroup(leads, ada);
  await expect(row.getByRole('cell').nth(1)).toHaveText('admin', { timeout: 5000 });
  await expect(row.getByTestId('role-from')).toHaveText('via Platform-Leads');
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/team-role-from-directory.png', fullPage: true });

  // Founders → owner: Ada is an owner through the directory; no button here takes it away.
  await mapGroup(page, org.slug, 'Founders', 'owner');
  await idp.addToGroup(founders, ada);
  await page.goto(`/orgs/${org.slug}/team`);
  await expect(row.getByRole('cell').nth(1)).toHaveText('owner');
  await expect(row.getByTestId('role-from')).toHaveText('via Founders');
  await expect(row.getByRole('button', { name: 'Remove owner: Ada Admin' })).toHaveCount(0);
  await expect(row).toContainText('Owner via Founders');
  // The signed-up owner is an owner granted by hand.
  const me = page.getByRole('table', { name: 'Team members' }).getByRole('row').filter({ hasText: '(you)' });
  await expect(me.getByTestId('role-from')).toHaveText('granted by hand');
});

test('a burst of deletes is held and shown to the owner, and Allow applies it', async ({ page, request }) => {
  test.setTimeout(120_000);
  const org = uniqueOrg('guard');
  await signUp(page, org);
  const idp = scim(request, await createTokenInUi(page, org.slug, 'Okta'));
  const ids: string[] = [];
  for (let i = 0; i < 13; i++) ids.push(await idp.createUser(`p${i}-${org.slug}@example.test`, `Person ${String(i).padStart(2, '0')}`));
  // Default threshold: max(10, 20 % of 14 active) = 10 an hour.
  const statuses: number[] = [];
  for (const id of ids) statuses.push((await idp.remove(id)).status());
  expect(statuses).toEqual([...Array<number>(10).fill(204), 503, 503, 503]);

  await page.goto(`/orgs/${org.slug}/team`);
  await expect(page.getByTestId('held-banner')).toContainText('3 deprovisions are held for your approval');
  const table = page.getByRole('table', { name: 'Team members' });
  await expect(table.getByRole('row').filter({ hasText: 'Person 12' })).toHaveCount(1);
  await page.getByRole('link', { name: 'Allow or keep them under Security' }).click();
  const held = page.getByTestId('held-deprovisions');
  await expect(held).toContainText('Person 10');
  await expect(held).toContainText('Person 12');
  await page.screenshot({ path: 'test-results/screenshots/security-held-deprovisions.png', fullPage: true });
  await held.getByRole('button', { name: 'Allow 3' }).click();
  await expect(page.getByText('Applied: 0 suspended, 3 removed')).toBeVisible();
  // The IdP's retries converge: the people are gone (404).
  expect((await idp.remove(ids[12] ?? '')).status()).toBe(404);
  await page.goto(`/orgs/${org.slug}/team`);
  await expect(page.getByTestId('held-banner')).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'Person 12' })).toHaveCount(0);
});

test('a member added by hand is adopted by the IdP and shows as SCIM', async ({ page, request }) => {
  test.setTimeout(90_000);
  const org = uniqueOrg('adopt');
  await signUp(page, org);
  const idp = scim(request, await createTokenInUi(page, org.slug, 'Okta'));
  await page.goto(`/orgs/${org.slug}/team`);
  await page.getByText('Add a member by hand').click();
  await fillMemberName(page, 'Hand Added');
  await page.getByLabel('Email', { exact: true }).fill(`hand-${org.slug}@example.test`);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status')).toContainText('Hand Added was added');
  const row = page
    .getByRole('table', { name: 'Team members' })
    .getByRole('row')
    .filter({ hasText: `hand-${org.slug}@example.test` });
  await expect(row).toContainText('Manual · invited');
  const id = await idp.createUser(`HAND-${org.slug}@example.test`, 'Hand Adopted');
  expect(await row.getAttribute('data-member-id')).toBe(id);
  await expect(row).toContainText('SCIM', { timeout: 5000 });
  await expect(row).toContainText('Hand Adopted');
  await expect(row.getByRole('button', { name: 'Remove Hand Adopted' })).toHaveCount(0);
});
