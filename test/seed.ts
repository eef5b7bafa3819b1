import type { Db } from '@/db/client';
import { createOrgWithOwner } from '@/lib/orgs/create-org-with-owner';

let counter = 0;

/** A fresh org with its owner; names are unique so tests share a database safely. */
export async function seedOrg(db: Db, label = 'org') {
  const id = `${label}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
  const email = `owner-${id}@example.test`;
  const org = await createOrgWithOwner(db, {
    orgName: `Org ${id}`,
    slug: id,
    givenName: 'Olivia',
    familyName: 'Owner',
    email,
    password: 'correct horse battery',
  });
  return { ...org, email };
}
