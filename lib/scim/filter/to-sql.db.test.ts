import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { groupMembers, groups, members, organizations } from '@/db/schema';
import { testDrivers } from '@/test/test-databases';
import { userSortColumn } from './sort';
import { compileGroupFilter, compileUserFilter } from './to-sql';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** The compiled filters run against real PostgreSQL semantics (PGlite, and PostgreSQL when configured). */
describe.each(testDrivers())('compiled filters on $driver', ({ open }) => {
  let handle: DbHandle;
  let orgId: string;
  let otherOrgId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    handle = await open();
    const db = handle.db;
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const orgs = await db
      .insert(organizations)
      .values([
        { slug: `filter-${stamp}`, name: 'Filter' },
        { slug: `filter-other-${stamp}`, name: 'Other' },
      ])
      .returning();
    orgId = orgs[0]?.id ?? '';
    otherOrgId = orgs[1]?.id ?? '';
    const [bob] = await db
      .insert(members)
      .values({
        orgId,
        userName: 'bob@example.com',
        email: 'bob@example.com',
        emails: [{ value: 'bob@example.com', type: 'work', primary: true }],
        status: 'suspended',
        title: 'CTO',
      })
      .returning();
    ids.bob = bob?.id ?? '';
    const rows = await db
      .insert(members)
      .values([
        {
          orgId,
          userName: 'alice@example.com',
          email: 'Alice@Example.com',
          department: 'Sales',
          externalId: 'A-1',
          managerId: ids.bob,
          // A second, non-primary address and two phones: filters match ANY value (RFC 7644 §3.4.2.2).
          emails: [
            { value: 'Alice@Example.com', type: 'work', primary: true },
            { value: 'alice@Home.example.org', type: 'home' },
          ],
          phoneNumbers: [
            { value: '+1 555 0100', type: 'work' },
            { value: '+1 555 0199', type: 'mobile' },
          ],
        },
        { orgId, userName: 'carol', title: '50% off' },
        { orgId, userName: 'dave', title: 'A100 B' },
        { orgId: otherOrgId, userName: 'alice@example.com', email: 'alice@example.com' },
      ])
      .returning();
    for (const row of rows) if (row.orgId === orgId) ids[row.userName.split('@')[0] ?? ''] = row.id;
    const [sales] = await db.insert(groups).values({ orgId, displayName: 'Sales' }).returning();
    await db.insert(groups).values({ orgId, displayName: 'Empty' });
    await db.insert(groupMembers).values({ orgId, groupId: sales?.id ?? '', memberId: ids.alice ?? '' });
  });
  afterAll(() => handle.close());

  const userNames = async (filter: string) => {
    const rows = await handle.db
      .select({ userName: members.userName })
      .from(members)
      .where(and(eq(members.orgId, orgId), compileUserFilter(filter)))
      .orderBy(asc(members.userName));
    return rows.map((r) => r.userName);
  };

  it.each([
    // Okta looks users up in upper case; the row is stored in lower case.
    ['userName eq "ALICE@EXAMPLE.COM"', ['alice@example.com']],
    // Entra's connection test: a user that does not exist → empty, not an error.
    ['userName eq "3c1e4e5b-0000-4000-8000-0000entraprobe"', []],
    ['emails[type eq "work"].value eq "alice@example.COM"', ['alice@example.com']],
    ['emails co "@EXAMPLE.com"', ['alice@example.com', 'bob@example.com']],
    ['emails[type eq "work"]', ['alice@example.com', 'bob@example.com']],
    // A non-primary address is found too (issue 14: only the primary one was).
    ['emails.value co "example.org"', ['alice@example.com']],
    ['emails co "@HOME.example.org"', ['alice@example.com']],
    ['emails eq "ALICE@home.example.org"', ['alice@example.com']],
    ['emails[type eq "home"]', ['alice@example.com']],
    ['emails[type eq "home" and value ew ".org"]', ['alice@example.com']],
    // type and value must hold on the SAME entry: alice's work address is not .org
    ['emails[type eq "work" and value ew ".org"]', []],
    ['emails[type eq "home"].value eq "alice@example.com"', []],
    ['emails[primary eq true].value eq "alice@example.com"', ['alice@example.com']],
    ['emails[primary eq true].value eq "alice@home.example.org"', []],
    ['not (emails pr)', ['carol', 'dave']],
    ['phoneNumbers[type eq "mobile"]', ['alice@example.com']],
    ['phoneNumbers.value eq "+1 555 0199"', ['alice@example.com']],
    ['phoneNumbers[type eq "work"].value eq "+1 555 0199"', []],
    ['phoneNumbers co "555"', ['alice@example.com']],
    ['active eq false', ['bob@example.com']],
    ['active eq "True"', ['alice@example.com', 'carol', 'dave']],
    // ne and not include NULLs: carol and dave have no department / title "CTO".
    [`${ENT}:department ne "sales"`, ['bob@example.com', 'carol', 'dave']],
    ['not (title eq "cto")', ['alice@example.com', 'carol', 'dave']],
    ['title pr and not (title sw "c")', ['carol', 'dave']],
    // LIKE wildcards in values are literal: "0%" must not match "A100 B".
    ['title co "0%"', ['carol']],
    ['title co "_"', []],
    ['externalId eq "a-1"', []],
    ['externalId eq "A-1"', ['alice@example.com']],
    ['id eq "not-a-uuid"', []],
    ['id ne "not-a-uuid"', ['alice@example.com', 'bob@example.com', 'carol', 'dave']],
    ['meta.created gt "2000-01-01T00:00:00Z" and meta.lastModified lt "2999-12-31"', ['alice@example.com', 'bob@example.com', 'carol', 'dave']],
    [`userName eq "x' or 1=1 --"`, []],
    ['userName eq "carol" or userName eq "dave" and title co "100"', ['carol', 'dave']],
    ['(userName eq "carol" or userName eq "dave") and title co "100"', ['dave']],
  ])('%s', async (filter, expected) => {
    expect(await userNames(filter)).toEqual(expected);
  });

  it('finds a member by manager id', async () => {
    expect(await userNames(`${ENT}:manager.value eq "${ids.bob}"`)).toEqual(['alice@example.com']);
    expect(await userNames(`id eq "${ids.carol?.toUpperCase()}"`)).toEqual(['carol']);
  });

  it('checks group membership the way Okta and Entra do', async () => {
    const names = async (filter: string) =>
      (
        await handle.db
          .select({ name: groups.displayName })
          .from(groups)
          .where(and(eq(groups.orgId, orgId), compileGroupFilter(filter)))
      ).map((r) => r.name);
    expect(await names(`members[value eq "${ids.alice}"]`)).toEqual(['Sales']);
    expect(await names(`members.value eq "${ids.bob}"`)).toEqual([]);
    expect(await names('members[value eq "not-a-uuid"]')).toEqual([]);
    expect(await names(`displayName eq "sales" and members eq "${ids.alice}"`)).toEqual(['Sales']);
    expect(await names(`not (members pr)`)).toEqual(['Empty']);
  });

  it('sorts by an allow-listed attribute, case-insensitively', async () => {
    const rows = await handle.db
      .select({ userName: members.userName })
      .from(members)
      .where(eq(members.orgId, orgId))
      .orderBy(desc(userSortColumn('USERNAME')));
    expect(rows.map((r) => r.userName)).toEqual(['dave', 'carol', 'bob@example.com', 'alice@example.com']);
  });
});
