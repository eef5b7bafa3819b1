import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { testDrivers } from '@/test/test-databases';
import { createOrgWithOwner } from './create-org-with-owner';
import { findSignUpToResume } from './resume-sign-up';

describe.each(testDrivers())('findSignUpToResume on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  const input = (slug: string, email: string, password = 'correct horse battery') => ({
    orgName: 'Acme',
    slug,
    givenName: 'Ada',
    familyName: 'Lovelace',
    email,
    password,
  });

  it('resumes a sign-up sent again with the same email, password and URL name', async () => {
    const slug = `resume-${Date.now()}`;
    const created = await createOrgWithOwner(handle.db, input(slug, `${slug}@example.test`));
    expect(await findSignUpToResume(handle.db, input(slug, `${slug}@example.test`))).toEqual(created);
  });

  it('resumes nothing for a wrong password, another URL name or an unknown email', async () => {
    const slug = `noresume-${Date.now()}`;
    await createOrgWithOwner(handle.db, input(slug, `${slug}@example.test`));
    expect(await findSignUpToResume(handle.db, input(slug, `${slug}@example.test`, 'another password!'))).toBeNull();
    expect(await findSignUpToResume(handle.db, input(`${slug}-x`, `${slug}@example.test`))).toBeNull();
    expect(await findSignUpToResume(handle.db, input(slug, `other-${slug}@example.test`))).toBeNull();
  });
});
