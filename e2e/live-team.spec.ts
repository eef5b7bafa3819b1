import { expect, test } from '@playwright/test';
import { signUp, uniqueOrg } from './fixtures/accounts';
import { expectNotInServerLog } from './fixtures/server-log';
import { createTokenInUi } from './fixtures/tokens';

const OKTA_UA = 'Okta SCIM Client 1.0.0';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

test('the team page follows the IdP live: people appear, get suspended and disappear without a reload', async ({ page, request }) => {
  test.setTimeout(90_000);
  const org = uniqueOrg('live');
  await signUp(page, org);
  const token = await createTokenInUi(page, org.slug, 'Okta');
  const headers = { authorization: `Bearer ${token}`, 'user-agent': OKTA_UA, 'content-type': 'application/scim+json' };

  await page.goto(`/orgs/${org.slug}/team`);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true');
  // A marker on the window: it survives in-place refreshes and vanishes on a reload.
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  const table = page.getByRole('table', { name: 'Team members' });
  const latencies: number[] = [];

  async function timed(change: () => Promise<void>, visible: () => Promise<void>) {
    const started = Date.now();
    await change();
    await visible();
    latencies.push(Date.now() - started);
  }

  let created = { id: '' };
  await timed(
    async () => {
      const reply = await request.post('/api/scim/v2/Users', {
        headers,
        data: {
          schemas: [USER_SCHEMA],
          userName: 'live.person@example.test',
          name: { givenName: 'Live', familyName: 'Person' },
          displayName: 'Live Person',
          emails: [{ value: 'live.person@example.test', type: 'work', primary: true }],
          password: 'Okta-Placeholder-1',
          active: true,
        },
      });
      expect(reply.status()).toBe(201);
      created = (await reply.json()) as { id: string };
    },
    () => expect(table.getByRole('row').filter({ hasText: 'Live Person' })).toContainText('SCIM', { timeout: 5000 }),
  );
  const row = table.getByRole('row').filter({ hasText: 'Live Person' });
  await expect(row).toContainText('Active');

  await timed(
    async () => {
      const reply = await request.post('/api/scim/v2/Groups', {
        headers,
        data: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Pushed Group', members: [{ value: created.id }] },
      });
      expect(reply.status()).toBe(201);
    },
    () => expect(row).toContainText('Pushed Group', { timeout: 5000 }),
  );

  await timed(
    async () => {
      const reply = await request.patch(`/api/scim/v2/Users/${created.id}`, {
        headers,
        data: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { active: false } }] },
      });
      expect(reply.status()).toBe(200);
    },
    () => expect(row).toContainText('Suspended', { timeout: 5000 }),
  );
  await page.screenshot({ path: 'test-results/screenshots/team-live-suspended.png', fullPage: true });

  await timed(
    async () => expect((await request.delete(`/api/scim/v2/Users/${created.id}`, { headers })).status()).toBe(204),
    () => expect(row).toHaveCount(0, { timeout: 5000 }),
  );
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  await page.getByRole('link', { name: 'Groups' }).click();
  const groupRow = page.getByRole('table', { name: 'Groups' }).getByRole('row').filter({ hasText: 'Pushed Group' });
  await expect(groupRow).toContainText('0');
  await page.screenshot({ path: 'test-results/screenshots/groups.png', fullPage: true });
  expectNotInServerLog(token, org.password, 'Okta-Placeholder-1');
  console.log(`live-update latency (ms): ${latencies.join(', ')}`);
  for (const ms of latencies) expect(ms).toBeLessThan(5000);
});
