import http from 'node:http';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, members, memberSsoLinks, ssoConnections } from '@/db/schema';
import type { Db, DbHandle } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { authorizeAtIdp } from '@/test/oidc/authorize-at-idp';
import { startOidcTestProvider, type OidcTestProvider } from '@/test/oidc/oidc-test-provider';
import { seedOrg } from '@/test/seed';
import { testDrivers } from '@/test/test-databases';
import { beginSso } from './begin-sso';
import { findSsoConnection } from './find-sso-connection';
import { finishSso } from './finish-sso';
import { openFlowState } from './flow-state';
import { linkSsoMember } from './link-sso-member';
import { saveSsoConnection } from './save-sso-connection';
import { consumeSignInTicket } from './sign-in-ticket';

// As README's Production section: the secret the client secret's key derives from, and the URL.
process.env.AUTH_SECRET = 'vitest-sso-secret-0123456789abcdef';
process.env.AUTH_URL = 'http://127.0.0.1:3137';
const APP = 'http://127.0.0.1:3137';
const actor = { type: 'system' as const, label: 'test' };

let idp: OidcTestProvider;
let junk: http.Server;
beforeAll(async () => {
  idp = await startOidcTestProvider(3132);
  // An issuer URL that answers, but not with what an issuer must.
  junk = http.createServer((req, res) => {
    if (req.url?.startsWith('/html/')) {
      res.setHeader('content-type', 'text/html');
      res.end('<html>Sign in</html>');
    } else if (req.url?.startsWith('/other/')) {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ issuer: 'http://127.0.0.1:3134/elsewhere', authorization_endpoint: 'http://127.0.0.1:3134/a', jwks_uri: 'http://127.0.0.1:3134/j' }),
      );
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => junk.listen(3134, '127.0.0.1', resolve));
});
afterAll(async () => {
  await idp.stop();
  await new Promise((resolve) => junk.close(resolve));
});

describe.each(testDrivers())('single sign-on against a real OIDC provider on $driver', ({ driver, open }) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(() => handle.close());

  async function orgWithSso(opts: { secret?: string; jit?: boolean } = {}) {
    const org = await seedOrg(db, `sso-${driver}`);
    const client = idp.addClient(`${APP}/api/sso/${org.slug}/callback`);
    const form = {
      idp: 'okta' as const,
      issuer: idp.issuer,
      clientId: client.clientId,
      clientSecret: opts.secret ?? client.clientSecret,
      claim: 'preferred_username',
      matchAttribute: 'userName' as const,
      requireSso: false,
      jitEnabled: opts.jit ?? false,
      jitRole: 'member' as const,
    };
    await saveSsoConnection(db, org.orgId, form, actor);
    return { ...org, client, form };
  }

  async function provision(orgId: string, userName: string, status: 'active' | 'suspended' = 'active') {
    const [row] = await db
      .insert(members)
      .values({ orgId, source: 'scim', userName, email: userName, status, emails: [{ value: userName, type: 'work', primary: true }] })
      .returning();
    if (!row) throw new Error('no member');
    return row;
  }

  /** Roster's redirect, the IdP's login page, and the IdP's redirect back: returns what the callback gets. */
  async function throughIdp(slug: string, login: string) {
    const begun = await beginSso(db, slug, 'sign-in');
    const callback = await authorizeAtIdp(begun.authorizationUrl, login, `${APP}/api/sso/`);
    return { flow: openFlowState(begun.flowCookie), search: callback.searchParams };
  }

  async function signInAs(slug: string, login: string) {
    const { flow, search } = await throughIdp(slug, login);
    const verified = await finishSso(db, slug, search, flow);
    if (!verified.ok) return verified;
    return linkSsoMember(db, verified.connection, verified.issuer, verified.claims);
  }

  async function reasons(orgId: string) {
    const rows = await db
      .select({ summary: auditEvents.summary })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'sso.sign_in.refuse')));
    return rows.map((r) => r.summary.reason);
  }

  it('checks the issuer when saving: not answering, not JSON, another issuer, plain http — a field message, nothing saved or changed', async () => {
    const org = await seedOrg(db, `sso-bad-${driver}`);
    const form = {
      idp: 'okta' as const,
      issuer: '',
      clientId: 'c',
      clientSecret: 's3cret-value',
      claim: 'email',
      matchAttribute: 'userName' as const,
      requireSso: false,
      jitEnabled: false,
      jitRole: 'member' as const,
    };
    const cases: [string, RegExp][] = [
      ['http://127.0.0.1:3133', /Could not reach http:\/\/127\.0\.0\.1:3133\/\.well-known\/openid-configuration: the IdP did not answer/],
      ['http://127.0.0.1:3134/html', /did not answer with a JSON discovery document/],
      ['http://127.0.0.1:3134/other', /names another issuer \("http:\/\/127\.0\.0\.1:3134\/elsewhere"\)/],
      ['http://127.0.0.1:3134/missing', /answered HTTP 404, not a discovery document/],
      ['http://idp.example.com', /must start with https/],
      ['not a url', /full URL/],
    ];
    for (const [issuer, message] of cases) {
      const error = await saveSsoConnection(db, org.orgId, { ...form, issuer }, actor).catch((e: unknown) => e);
      expect(error, issuer).toBeInstanceOf(AppError);
      expect((error as AppError).field).toBe('issuer');
      expect((error as AppError).message).toMatch(message);
    }
    expect(await findSsoConnection(db, org.orgId)).toBeNull();

    const saved = await orgWithSso();
    const before = await findSsoConnection(db, saved.orgId);
    expect(before?.clientSecretEncrypted).not.toContain(saved.client.clientSecret);
    expect(before?.issuer).toBe(idp.issuer);
    await expect(
      saveSsoConnection(db, saved.orgId, { ...saved.form, issuer: 'http://127.0.0.1:3134/html', clientSecret: 'another-secret' }, actor),
    ).rejects.toThrow(/JSON/);
    expect(await findSsoConnection(db, saved.orgId)).toEqual(before);
    // No secret in the audit rows (the database close also scans them).
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.orgId, saved.orgId));
    expect(JSON.stringify(audit)).not.toContain(saved.client.clientSecret);
  });

  it('links a first sign-in by the claim (case-insensitive), later ones by iss + sub, and the ticket works once', async () => {
    const org = await orgWithSso();
    const ada = await provision(org.orgId, `ada-${org.slug}@corp.test`);
    idp.addPerson({ sub: `ada-${org.slug}`, preferred_username: ada.userName.toUpperCase(), email: ada.userName });
    const first = await signInAs(org.slug, `ada-${org.slug}`);
    expect(first).toMatchObject({ ok: true, memberId: ada.id });
    if (!first.ok || !('ticket' in first)) throw new Error('refused');
    const redeemed = await consumeSignInTicket(db, first.ticket);
    expect(redeemed?.orgId).toBe(org.orgId);
    expect(await consumeSignInTicket(db, first.ticket)).toBeNull();
    const [linked] = await db
      .select()
      .from(members)
      .where(and(eq(members.orgId, org.orgId), eq(members.id, ada.id)));
    expect(linked?.accountId).toBe(redeemed?.accountId);
    expect(await db.select().from(memberSsoLinks).where(eq(memberSsoLinks.memberId, ada.id))).toMatchObject([
      { issuer: idp.issuer, subject: `ada-${org.slug}` },
    ]);

    // The IdP renames her: the claim no longer matches, the link still does.
    await db
      .update(members)
      .set({ userName: `lovelace-${org.slug}@corp.test` })
      .where(and(eq(members.orgId, org.orgId), eq(members.id, ada.id)));
    expect(await signInAs(org.slug, `ada-${org.slug}`)).toMatchObject({ ok: true, memberId: ada.id });
  });

  it('gives a password account with the same email nothing of the member', async () => {
    const org = await orgWithSso();
    const email = `same-${org.slug}@corp.test`;
    const [squatter] = await db
      .insert(accounts)
      .values({ email, name: 'Squatter', passwordHash: await hashPassword('squatter password 1') })
      .returning();
    const member = await provision(org.orgId, email);
    idp.addPerson({ sub: `same-${org.slug}`, preferred_username: email });
    expect(await signInAs(org.slug, `same-${org.slug}`)).toMatchObject({ ok: true });
    const [after] = await db
      .select()
      .from(members)
      .where(and(eq(members.orgId, org.orgId), eq(members.id, member.id)));
    expect(after?.accountId).not.toBeNull();
    expect(after?.accountId).not.toBe(squatter?.id);
    const sameEmail = await db
      .select({ id: accounts.id, hasPassword: sql<boolean>`${accounts.passwordHash} is not null` })
      .from(accounts)
      .where(sql`lower(${accounts.email}) = ${email}`);
    expect(sameEmail).toHaveLength(2);
  });

  it('refuses, with the reason in the audit log: not provisioned, suspended, a claim matching a member linked to someone else', async () => {
    const org = await orgWithSso();
    idp.addPerson({ sub: `nobody-${org.slug}`, preferred_username: `nobody-${org.slug}@corp.test` });
    expect(await signInAs(org.slug, `nobody-${org.slug}`)).toMatchObject({ ok: false, reason: 'not_provisioned' });

    const sus = await provision(org.orgId, `sus-${org.slug}@corp.test`, 'suspended');
    idp.addPerson({ sub: `sus-${org.slug}`, preferred_username: sus.userName });
    expect(await signInAs(org.slug, `sus-${org.slug}`)).toMatchObject({ ok: false, reason: 'suspended' });
    expect(await db.select().from(memberSsoLinks).where(eq(memberSsoLinks.memberId, sus.id))).toEqual([]);
    expect(
      (
        await db
          .select()
          .from(members)
          .where(and(eq(members.orgId, org.orgId), eq(members.id, sus.id)))
      )[0]?.accountId,
    ).toBeNull();

    const bea = await provision(org.orgId, `bea-${org.slug}@corp.test`);
    idp.addPerson({ sub: `bea-${org.slug}`, preferred_username: bea.userName });
    expect(await signInAs(org.slug, `bea-${org.slug}`)).toMatchObject({ ok: true });
    idp.addPerson({ sub: `impostor-${org.slug}`, preferred_username: bea.userName });
    expect(await signInAs(org.slug, `impostor-${org.slug}`)).toMatchObject({ ok: false, reason: 'claim_mismatch' });
    expect(await reasons(org.orgId)).toEqual(['not_provisioned', 'suspended', 'claim_mismatch']);
  });

  it('creates nobody unless the owner turned just-in-time on; then a member with the JIT role, linked', async () => {
    const off = await orgWithSso();
    idp.addPerson({ sub: `jit-off-${off.slug}`, preferred_username: `jit-off-${off.slug}@corp.test` });
    expect(await signInAs(off.slug, `jit-off-${off.slug}`)).toMatchObject({ ok: false, reason: 'not_provisioned' });
    expect(await db.select().from(members).where(eq(members.orgId, off.orgId))).toHaveLength(1);

    const on = await orgWithSso({ jit: true });
    await saveSsoConnection(db, on.orgId, { ...on.form, clientSecret: '', jitEnabled: true, jitRole: 'admin' }, actor);
    const login = `jit-on-${on.slug}`;
    idp.addPerson({ sub: login, preferred_username: `${login}@corp.test`, email: `${login}@corp.test`, email_verified: true, name: 'Jit Person' });
    const first = await signInAs(on.slug, login);
    expect(first).toMatchObject({ ok: true });
    const [created] = await db
      .select()
      .from(members)
      .where(and(eq(members.orgId, on.orgId), eq(members.userName, `${login}@corp.test`)));
    expect(created).toMatchObject({ role: 'admin', status: 'active', displayName: 'Jit Person', email: `${login}@corp.test` });
    expect(await signInAs(on.slug, login)).toMatchObject({ ok: true, memberId: created?.id });
  });

  it('refuses a bad answer from the IdP with a clear message, and links nobody', async () => {
    const org = await orgWithSso();
    const cy = await provision(org.orgId, `cy-${org.slug}@corp.test`);
    idp.addPerson({ sub: `cy-${org.slug}`, preferred_username: cy.userName });
    const login = `cy-${org.slug}`;

    const tampered = async (edit: (c: Record<string, unknown>) => Record<string, unknown>) => {
      idp.tamperIdTokens(edit);
      try {
        const { flow, search } = await throughIdp(org.slug, login);
        return await finishSso(db, org.slug, search, flow);
      } finally {
        idp.tamperIdTokens(null);
      }
    };
    expect(await tampered((c) => ({ ...c, aud: 'another-client' }))).toMatchObject({
      ok: false,
      reason: 'idp_error',
      message: expect.stringMatching(/issued for another client \(wrong audience\)/),
    });
    const now = Math.floor(Date.now() / 1000);
    expect(await tampered((c) => ({ ...c, iat: now - 7200, exp: now - 3600 }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/ID token has expired/),
    });
    expect(await tampered((c) => ({ ...c, nonce: 'someone-elses-nonce' }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/nonce does not match/),
    });
    expect(await tampered(({ nonce: _dropped, ...c }) => c)).toMatchObject({ ok: false, message: expect.stringMatching(/nonce/) });

    // State: missing, or a callback replayed into another sign-in of the same browser.
    const one = await throughIdp(org.slug, login);
    const withoutState = new URLSearchParams(one.search);
    withoutState.delete('state');
    expect(await finishSso(db, org.slug, withoutState, one.flow)).toMatchObject({ ok: false, message: expect.stringMatching(/state/) });
    const two = await throughIdp(org.slug, login);
    expect(await finishSso(db, org.slug, one.search, two.flow)).toMatchObject({ ok: false, message: expect.stringMatching(/state/) });
    // A callback with no flow cookie (expired, already used): nothing to check it against.
    expect(await finishSso(db, org.slug, two.search, null)).toMatchObject({ ok: false, reason: 'flow_expired' });
    // A callback for another org than the one this browser started with.
    const other = await orgWithSso();
    expect(await finishSso(db, other.slug, two.search, two.flow)).toMatchObject({ ok: false, reason: 'wrong_org' });

    // A wrong client secret: the IdP refuses the code exchange.
    await db.update(ssoConnections).set({ clientId: org.client.clientId }).where(eq(ssoConnections.orgId, org.orgId));
    await saveSsoConnection(db, org.orgId, { ...org.form, clientSecret: 'not-the-secret' }, actor);
    const three = await throughIdp(org.slug, login);
    expect(await finishSso(db, org.slug, three.search, three.flow)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/refused Roster’s client ID or client secret \(invalid_client\)/),
    });

    expect(await db.select().from(memberSsoLinks).where(eq(memberSsoLinks.memberId, cy.id))).toEqual([]);
  });
});
