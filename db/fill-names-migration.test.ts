import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { members } from '@/db/schema';
import { seedOrg } from '@/test/seed';
import { testDrivers } from '@/test/test-databases';

/**
 * Migration 0004 gives members created outside SCIM before issue 14 (display name only) a
 * given and a family name. It already ran when the database opened; it only touches rows still
 * missing a name, so running its SQL again over rows shaped like the old ones tests it.
 */
const migration = fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', '0004_fill_given_and_family_names.sql'), 'utf8');

describe.each(testDrivers())('migration 0004 (given and family names) on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('splits a hand-added member’s display name at the last space, copies a single word into both, leaves SCIM members and set names alone', async () => {
    const { orgId } = await seedOrg(handle.db, 'fill-names');
    const old = (userName: string, displayName: string | null, extra: Partial<typeof members.$inferInsert> = {}) => ({
      orgId,
      userName,
      displayName,
      email: userName,
      emails: [{ value: userName, type: 'work', primary: true }],
      source: 'manual' as const,
      ...extra,
    });
    await handle.db
      .insert(members)
      .values([
        old('ada@example.test', 'Ada  Lovelace King'),
        old('cher@example.test', 'Cher'),
        old('noname@example.test', null),
        old('kept@example.test', 'Kept Name', { givenName: 'Given', familyName: 'Family' }),
        old('scim@example.test', 'Scim Person', { source: 'scim' }),
      ]);
    await handle.db.execute(sql.raw(migration));
    const rows = await handle.db
      .select({ userName: members.userName, givenName: members.givenName, familyName: members.familyName })
      .from(members)
      .where(and(eq(members.orgId, orgId), sql`${members.userName} not like 'owner-%'`))
      .orderBy(members.userName);
    expect(rows).toEqual([
      { userName: 'ada@example.test', givenName: 'Ada  Lovelace', familyName: 'King' },
      { userName: 'cher@example.test', givenName: 'Cher', familyName: 'Cher' },
      { userName: 'kept@example.test', givenName: 'Given', familyName: 'Family' },
      { userName: 'noname@example.test', givenName: 'noname', familyName: 'noname' },
      { userName: 'scim@example.test', givenName: null, familyName: null },
    ]);
  });
});
