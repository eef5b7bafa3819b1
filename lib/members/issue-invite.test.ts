import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, members } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { AppError } from '@/lib/errors';
import { seedOrg } from '@/test/seed';
import { testDrivers } from '@/test/test-databases';
import { acceptInvite, getPendingInvite } from './accept-invite';
import { issueInvite } from './issue-invite';

const actor = { type: 'system' as const, label: 'test' };

describe.each(testDrivers())('invite links for people the directory provisioned, on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  async function scimMember(orgId: string, userName: string) {
    const [row] = await handle.db.insert(members).values({ orgId, source: 'scim', userName, email: userName }).returning();
    if (!row) throw new Error('no row');
    return row;
  }

  it('issues a one-time link for a SCIM-created member; a new link makes the old one stop working', async () => {
    const org = await seedOrg(handle.db, 'inv');
    const bo = await scimMember(org.orgId, `bo-${org.slug}@corp.test`);
    const first = await issueInvite(handle.db, org.orgId, bo.id, actor);
    expect(await getPendingInvite(handle.db, first.inviteSecret)).toMatchObject({ memberId: bo.id });
    const second = await issueInvite(handle.db, org.orgId, bo.id, actor);
    expect(await getPendingInvite(handle.db, first.inviteSecret)).toBeNull();
    await acceptInvite(handle.db, second.inviteSecret, { name: 'Bo', password: 'a long password 1' });
    await expect(acceptInvite(handle.db, second.inviteSecret, { name: 'Bo', password: 'a long password 1' })).rejects.toThrow(/invalid or has expired/);
    const audit = await handle.db
      .select({ action: auditEvents.action, summary: auditEvents.summary })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.resourceId, bo.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['member.invite.accept', 'member.invite.create', 'member.invite.create']);
    expect(JSON.stringify(audit)).not.toContain(second.inviteSecret);
    await expect(issueInvite(handle.db, org.orgId, bo.id, actor)).rejects.toThrow(/already has an account/);
  });

  it('refuses to invite a suspended person, and a suspended person’s pending link stops working', async () => {
    const org = await seedOrg(handle.db, 'inv-sus');
    const cy = await scimMember(org.orgId, `cy-${org.slug}@corp.test`);
    const { inviteSecret } = await issueInvite(handle.db, org.orgId, cy.id, actor);
    await handle.db
      .update(members)
      .set({ status: 'suspended' })
      .where(and(eq(members.orgId, org.orgId), eq(members.id, cy.id)));
    expect(await getPendingInvite(handle.db, inviteSecret)).toBeNull();
    await expect(acceptInvite(handle.db, inviteSecret, { name: 'Cy', password: 'a long password 1' })).rejects.toBeInstanceOf(AppError);
    await expect(issueInvite(handle.db, org.orgId, cy.id, actor)).rejects.toThrow(/suspended by the directory/);
    const other = await seedOrg(handle.db, 'inv-other');
    await expect(issueInvite(handle.db, other.orgId, cy.id, actor)).rejects.toMatchObject({ code: 'not_found' });
  });
});
