import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, members, organizations } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { AppError } from '@/lib/errors';
import { verifyPassword } from '@/lib/auth/password';
import { testDrivers } from '@/test/test-databases';
import { createOrgWithOwner } from './create-org-with-owner';

describe.each(testDrivers())('createOrgWithOwner on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  const input = (slug: string, email: string) => ({
    orgName: 'Acme',
    slug,
    givenName: 'Ada',
    familyName: 'Lovelace',
    email,
    password: 'correct horse battery',
  });

  it('creates the org, the account and its owner membership, with an audit row', async () => {
    const slug = `acme-${Date.now()}`;
    const { orgId, accountId } = await createOrgWithOwner(handle.db, input(slug, `${slug}@example.test`));
    const [member] = await handle.db.select().from(members).where(eq(members.orgId, orgId));
    expect(member).toMatchObject({ accountId, role: 'owner', status: 'active', source: 'manual', userName: `${slug}@example.test` });
    const [account] = await handle.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account?.passwordHash).not.toContain('correct horse');
    expect(await verifyPassword(account?.passwordHash ?? '', 'correct horse battery')).toBe(true);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId));
    expect(audit.map((a) => a.action)).toEqual(['org.create']);
    expect(JSON.stringify(audit)).not.toContain('correct horse');
  });

  it('refuses a taken slug and leaves nothing half written', async () => {
    const slug = `taken-${Date.now()}`;
    await createOrgWithOwner(handle.db, input(slug, `${slug}-a@example.test`));
    const error = await createOrgWithOwner(handle.db, input(slug, `${slug}-b@example.test`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', field: 'slug' });
    const orphan = await handle.db
      .select()
      .from(accounts)
      .where(sql`lower(${accounts.email}) = ${`${slug}-b@example.test`}`);
    expect(orphan).toEqual([]);
  });

  it('refuses an email that already has an account, whatever its case', async () => {
    const slug = `dup-${Date.now()}`;
    await createOrgWithOwner(handle.db, input(slug, `${slug}@example.test`));
    const error = await createOrgWithOwner(handle.db, input(`${slug}-2`, `${slug}@example.test`.toUpperCase())).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', field: 'email' });
    const orgs = await handle.db
      .select()
      .from(organizations)
      .where(and(eq(organizations.slug, `${slug}-2`)));
    expect(orgs).toEqual([]);
  });
});
