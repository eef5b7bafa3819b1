import { expect, test, type APIRequestContext } from '@playwright/test';
import { startOidcTestProvider, type OidcTestProvider } from '../test/oidc/oidc-test-provider';
import { fillMemberName, signIn, signUp, uniqueOrg } from './fixtures/accounts';
import { expectNotInServerLog } from './fixtures/server-log';
import { configureSso, signInAtIdp, signInWithSso } from './fixtures/sso';
import { createTokenInUi } from './fixtures/tokens';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const IDP_PORT = Number(process.env.E2E_OIDC_PORT ?? 3131);

let idp: OidcTestProvider;
test.beforeAll(async () => {
  idp = await startOidcTestProvider(IDP_PORT);
});
test.afterAll(async () => {
  await idp.stop();
});

async function provision(request: APIRequestContext, token: string, userName: string, displayName: string): Promise<string> {
  const reply = await request.post('/api/scim/v2/Users', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json', 'user-agent': 'Okta SCIM Client 1.0.0' },
    data: { schemas: [USER_SCHEMA], userName, displayName, emails: [{ value: userName, type: 'work', primary: true }], active: true },
  });
  expect(reply.status()).toBe(201);
  return ((await reply.json()) as { id: string }).id;
}

test('a person the IdP provisioned signs in through it, and loses access the moment it suspends them', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const org = uniqueOrg('sso');
  const ada = { sub: `ada-${org.slug}`, email: `ada-${org.slug}@corp.test` };
  // Someone signs up with Ada's email first (another org, a password): they must get nothing of her.
  const squatter = await browser.newContext();
  const squatterPage = await squatter.newPage();
  await signUp(squatterPage, { ...uniqueOrg('squat'), ownerEmail: ada.email });

  await signUp(page, org);
  idp.addPerson({ sub: `owner-${org.slug}`, preferred_username: org.ownerEmail, email: org.ownerEmail, email_verified: true });
  const client = await configureSso(page, idp, org.slug, baseURL ?? '');

  // Test sign-in: the owner goes to the IdP and back; the result is on the card.
  await page.getByRole('link', { name: 'Test sign-in' }).click();
  await signInAtIdp(page, `owner-${org.slug}`);
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/settings/security`));
  const testResult = page.getByTestId('sso-test');
  await expect(testResult).toContainText('Test passed');
  await expect(testResult).toContainText(`matches ${org.ownerEmail}`);

  // The IdP provisions Ada over SCIM (userName = her Okta login) and has her as a user.
  const token = await createTokenInUi(page, org.slug, 'Okta');
  const adaId = await provision(request, token, ada.email, 'Ada Lovelace');
  idp.addPerson({ sub: ada.sub, preferred_username: ada.email.toUpperCase(), email: ada.email, email_verified: true });

  const adaContext = await browser.newContext();
  const adaPage = await adaContext.newPage();
  await signInWithSso(adaPage, ada.email, ada.sub);
  await expect(adaPage).toHaveURL(new RegExp(`/orgs/${org.slug}/team`));
  await expect(adaPage.getByRole('heading', { name: /Team/ })).toBeVisible();
  await expect(adaPage.getByRole('table', { name: 'Team members' })).toContainText('Ada Lovelace');

  // The squatter's password account did not become Ada's member.
  const squatted = await squatterPage.goto(`/orgs/${org.slug}/team`);
  expect(squatted?.status()).toBe(404);

  // The IdP suspends Ada: her open session stops at its next request, page and live stream alike.
  // A live stream Ada has open: it must end when she is suspended, not keep serving the team.
  await adaPage.evaluate((url) => {
    const source = new EventSource(url);
    Object.assign(window, { __stream: source });
  }, `/orgs/${org.slug}/team/events`);
  await expect.poll(() => adaPage.evaluate(() => (window as unknown as { __stream: EventSource }).__stream.readyState)).toBe(1);
  const suspend = await request.patch(`/api/scim/v2/Users/${adaId}`, {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    data: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { active: false } }] },
  });
  expect(suspend.status()).toBe(200);
  // The server ends the stream at the change; the browser's reconnect gets a 404 and gives up.
  await expect.poll(() => adaPage.evaluate(() => (window as unknown as { __stream: EventSource }).__stream.readyState), { timeout: 10_000 }).toBe(2);
  const after = await adaPage.goto(`/orgs/${org.slug}/team`);
  expect(after?.status()).toBe(404);
  expect((await adaPage.request.get(`/orgs/${org.slug}/team/events`)).status()).toBe(404);
  await adaPage.goto('/orgs');
  await expect(adaPage.getByRole('alert').filter({ hasText: `Your access to ${org.orgName} was suspended by the organization’s directory` })).toBeVisible();
  await expect(adaPage.getByRole('alert').filter({ hasText: org.ownerEmail })).toBeVisible();

  // Signing in again through the IdP is refused, and says why and whom to ask.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await signInWithSso(againPage, org.slug, ada.sub);
  await expect(againPage).toHaveURL(/\/sign-in\/sso\/refused/);
  await expect(againPage.getByRole('alert').filter({ hasText: `Your access to ${org.orgName} was suspended` })).toBeVisible();
  await expect(againPage.getByRole('alert').filter({ hasText: org.ownerEmail })).toBeVisible();

  // The owner reads the sign-in and the refusal with its reason; never the client secret.
  await page.goto(`/orgs/${org.slug}/settings/security`);
  const activity = page.getByRole('table', { name: 'Sign-in activity' });
  await expect(activity).toContainText('Signed in with SSO (first time: linked)');
  await expect(activity).toContainText('Refused (suspended)');
  await expect(activity).toContainText('Test sign-in passed');
  await expect(page.getByRole('region', { name: 'Single sign-on' })).not.toContainText(client.clientSecret);
  expectNotInServerLog(client.clientSecret, token);
  await Promise.all([squatter.close(), adaContext.close(), again.close()]);
});

test('someone the directory never provisioned is refused with a page that says whom to ask', async ({ page, browser, baseURL }) => {
  const org = uniqueOrg('ssonp');
  await signUp(page, org);
  await configureSso(page, idp, org.slug, baseURL ?? '');
  idp.addPerson({ sub: `stranger-${org.slug}`, preferred_username: `stranger-${org.slug}@corp.test`, email: `stranger-${org.slug}@corp.test` });
  const context = await browser.newContext();
  const stranger = await context.newPage();
  await signInWithSso(stranger, org.slug, `stranger-${org.slug}`);
  await expect(stranger).toHaveURL(/\/sign-in\/sso\/refused\?reason=not_provisioned/);
  await expect(stranger.getByRole('heading', { name: 'You don’t have access to Roster yet' })).toBeVisible();
  await expect(stranger.getByRole('alert').filter({ hasText: 'Ask your IT team to assign Roster to you' })).toBeVisible();
  expect((await stranger.goto(`/orgs/${org.slug}/team`))?.url()).toContain('/sign-in');
  await context.close();
});

test('Require SSO: a member’s password no longer opens the org, the owner keeps theirs', async ({ page, browser, baseURL }) => {
  const org = uniqueOrg('ssoreq');
  await signUp(page, org);
  await page.getByText('Add a member by hand').click();
  await fillMemberName(page, 'Max Member');
  const maxEmail = `max-${org.slug}@example.test`;
  await page.getByLabel('Email', { exact: true }).fill(maxEmail);
  await page.getByRole('button', { name: 'Add member' }).click();
  const inviteUrl = (await page.getByTestId('invite-url').textContent()) ?? '';
  const context = await browser.newContext();
  const max = await context.newPage();
  await max.goto(inviteUrl);
  await max.getByLabel('Your name').fill('Max Member');
  await max.getByLabel('Choose a password').fill(org.password);
  await max.getByRole('button', { name: 'Join the team' }).click();
  await expect(max).toHaveURL(new RegExp(`/orgs/${org.slug}/team`));

  await configureSso(page, idp, org.slug, baseURL ?? '', { requireSso: true });
  // Max's open password session stops working at once...
  expect((await max.goto(`/orgs/${org.slug}/team`))?.status()).toBe(404);
  // ...and a new password sign-in is refused with the way in.
  await context.clearCookies();
  await signIn(max, maxEmail, org.password);
  await expect(max.getByRole('alert').filter({ hasText: 'Your organization requires single sign-on' })).toBeVisible();
  // The owner's password still works: the documented way back in if the IdP is down.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, org.ownerEmail, org.password);
  await expect(owner).toHaveURL(new RegExp(`/orgs/${org.slug}/team`));
  await Promise.all([context.close(), ownerContext.close()]);
});
