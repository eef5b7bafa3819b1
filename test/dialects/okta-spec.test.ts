import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { addMember } from '@/lib/members/add-member';
import { scimClientFor, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import { OKTA_USER_AGENT } from '@/test/idp-behaviour/okta';

/**
 * Okta's SCIM 2.0 SPEC test (Runscope, required to list an app in the Okta Integration
 * Network) starts on whatever the org already holds: it reads the first user
 * (GET /Users?count=1&startIndex=1), then that user by id, and requires `name.givenName` and
 * `name.familyName` on it. On a fresh Roster org the first user is the owner who signed up.
 */
async function specReadsFirstUser(client: ScimClient): Promise<Record<string, unknown>> {
  const list = await client.call('GET', '/Users?count=1&startIndex=1');
  expect(list.status, list.text).toBe(200);
  const [first] = list.json?.Resources as { id: string }[];
  expect(first?.id).toBeTruthy();
  const one = await client.call('GET', `/Users/${first?.id ?? ''}`);
  expect(one.status, one.text).toBe(200);
  return one.json ?? {};
}

describe.each(testDrivers())("Okta's SPEC test on a fresh org on $driver", ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('the owner who signed up (the first user) has name.givenName and name.familyName', async () => {
    const client = await scimClientFor(handle.db, { userAgent: OKTA_USER_AGENT });
    const user = await specReadsFirstUser(client);
    expect(user.userName).toBe(client.ownerEmail);
    expect(user.name).toMatchObject({ givenName: expect.stringMatching(/\S/) as unknown, familyName: expect.stringMatching(/\S/) as unknown });
  });

  it('a member added by hand has name.givenName and name.familyName too', async () => {
    const client = await scimClientFor(handle.db, { userAgent: OKTA_USER_AGENT });
    const { memberId } = await addMember(
      handle.db,
      client.orgId,
      { givenName: 'Mia', familyName: 'Hand', email: `mia-${client.slug}@example.test`, role: 'member' },
      { type: 'system', label: 'test' },
    );
    const one = await client.call('GET', `/Users/${memberId}`);
    expect(one.status, one.text).toBe(200);
    expect(one.json?.name).toMatchObject({ givenName: 'Mia', familyName: 'Hand' });
    expect(one.json?.displayName).toBe('Mia Hand');
  });
});
