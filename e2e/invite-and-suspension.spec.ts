import { expect, test, type APIRequestContext } from '@playwright/test';
import { signIn, signUp, uniqueOrg } from './fixtures/accounts';
import { expectNotInServerLog } from './fixtures/server-log';
import { createTokenInUi } from './fixtures/tokens';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function scim(request: APIRequestContext, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
  return {
    create: async (userName: string, displayName: string) => {
      const reply = await request.post('/api/scim/v2/Users', {
        headers,
        data: { schemas: [USER_SCHEMA], userName, displayName, emails: [{ value: userName, type: 'work', primary: true }], active: true },
      });
      expect(reply.status()).toBe(201);
      return ((await reply.json()) as { id: string }).id;
    },
    suspend: async (id: string) => {
      const reply = await request.patch(`/api/scim/v2/Users/${id}`, {
        headers,
        data: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { active: false } }] },
      });
      expect(reply.status()).toBe(200);
    },
  };
}

test('without SSO: an owner copies an invite link for a SCIM-provisioned person; suspension stops links and sign-in, and says why', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const org = uniqueOrg('inv');
  await signUp(page, org);
  const token = await createTokenInUi(page, org.slug, 'Entra');
  const idp = scim(request, token);
  const boEmail = `bo-${org.slug}@corp.test`;
  const boId = await idp.create(boEmail, 'Bo Provisioned');
  const cyId = await idp.create(`cy-${org.slug}@corp.test`, 'Cy Provisioned');

  await page.goto(`/orgs/${org.slug}/team`);
  const table = page.getByRole('table', { name: 'Team members' });
  const bo = table.getByRole('row').filter({ hasText: 'Bo Provisioned' });
  await expect(bo).toContainText('Never signed in');
  await bo.getByRole('button', { name: 'Invite link: Bo Provisioned' }).click();
  const first = (await bo.getByTestId('member-invite-url').textContent()) ?? '';
  expect(first).toContain('/invite/rsi_');
  // A new link replaces the first, which stops working.
  await bo.getByRole('button', { name: 'New invite link: Bo Provisioned' }).click();
  await expect(bo.getByTestId('member-invite-url')).not.toHaveText(first);
  const second = (await bo.getByTestId('member-invite-url').textContent()) ?? '';

  const boContext = await browser.newContext();
  const boPage = await boContext.newPage();
  await boPage.goto(first);
  await expect(boPage.getByRole('heading', { name: 'This invite link does not work' })).toBeVisible();
  await boPage.goto(second);
  await boPage.getByLabel('Your name').fill('Bo Provisioned');
  await boPage.getByLabel('Choose a password').fill(org.password);
  await boPage.getByRole('button', { name: 'Join the team' }).click();
  await expect(boPage).toHaveURL(new RegExp(`/orgs/${org.slug}/team`));
  await page.reload();
  await expect(bo).toContainText('password');
  await expect(bo.getByRole('button', { name: /Invite link/ })).toHaveCount(0);

  // Cy's pending link stops working when the IdP suspends Cy.
  const cy = table.getByRole('row').filter({ hasText: 'Cy Provisioned' });
  await cy.getByRole('button', { name: 'Invite link: Cy Provisioned' }).click();
  const cyLink = (await cy.getByTestId('member-invite-url').textContent()) ?? '';
  await idp.suspend(cyId);
  const cyContext = await browser.newContext();
  const cyPage = await cyContext.newPage();
  await cyPage.goto(cyLink);
  await expect(cyPage.getByRole('heading', { name: 'This invite link does not work' })).toBeVisible();

  // The IdP suspends Bo: his open session stops, and signing in with his password says why.
  await idp.suspend(boId);
  expect((await boPage.goto(`/orgs/${org.slug}/team`))?.status()).toBe(404);
  await boContext.clearCookies();
  await signIn(boPage, boEmail, org.password);
  await expect(boPage).toHaveURL(/\/orgs$/);
  await expect(boPage.getByRole('alert').filter({ hasText: `Your access to ${org.orgName} was suspended by the organization’s directory` })).toBeVisible();
  await expect(
    boPage.getByRole('alert').filter({ hasText: `Ask an owner of ${org.orgName} to restore it: ${org.ownerName} (${org.ownerEmail})` }),
  ).toBeVisible();
  await expect(boPage.getByText('You are not on any team yet')).toHaveCount(0);
  expectNotInServerLog(token, second, cyLink);
  await Promise.all([boContext.close(), cyContext.close()]);
});
