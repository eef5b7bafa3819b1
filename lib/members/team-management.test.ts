import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, members } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { testDrivers } from '@/test/test-databases';
import { seedOrg } from '@/test/seed';
import { acceptInvite, getPendingInvite } from './accept-invite';
import { addMember } from './add-member';
import { findTeamMembers } from './find-team-members';
import { removeMember } from './remove-member';
import { setMemberRole } from './set-member-role';

const actor: AuditActor = { type: 'system', label: 'test' };

describe.each(testDrivers())('team management on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  async function ownerOf(orgId: string) {
    const [owner] = await handle.db
      .select()
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.role, 'owner')));
    if (!owner) throw new Error('no owner');
    return owner;
  }

  it('adds a member by hand with an audit row, and refuses the same email twice', async () => {
    const org = await seedOrg(handle.db);
    const { memberId, inviteSecret } = await addMember(
      handle.db,
      org.orgId,
      { givenName: 'Mia', familyName: 'Member', email: 'mia@example.test', role: 'member' },
      actor,
    );
    expect(inviteSecret).toMatch(/^rsi_[\w-]{43}$/);
    const team = await findTeamMembers(handle.db, org.orgId, { page: 1 });
    expect(team.rows.map((r) => [r.name, r.role, r.source, r.invitePending])).toContainEqual(['Mia Member', 'member', 'manual', true]);
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.resourceId, memberId)));
    expect(audit.map((a) => a.action)).toEqual(['member.create']);
    await expect(
      addMember(handle.db, org.orgId, { givenName: 'Mia', familyName: 'Again', email: 'MIA@example.test', role: 'member' }, actor),
    ).rejects.toMatchObject({ code: 'conflict', field: 'email' });
  });

  it('never lets the last owner be demoted or removed, but allows it once there is another', async () => {
    const org = await seedOrg(handle.db);
    const owner = await ownerOf(org.orgId);
    await expect(setMemberRole(handle.db, org.orgId, owner.id, 'member', actor)).rejects.toThrow(/last owner/);
    await expect(removeMember(handle.db, org.orgId, owner.id, actor)).rejects.toThrow(/last owner/);
    const { memberId, inviteSecret } = await addMember(
      handle.db,
      org.orgId,
      { givenName: 'Bo', familyName: 'Member', email: 'bo@example.test', role: 'member' },
      actor,
    );
    await acceptInvite(handle.db, inviteSecret, { name: 'Bo Member', password: 'a long password 1' });
    await setMemberRole(handle.db, org.orgId, memberId, 'owner', actor);
    await setMemberRole(handle.db, org.orgId, owner.id, 'admin', actor);
    await expect(setMemberRole(handle.db, org.orgId, memberId, 'member', actor)).rejects.toThrow(/last owner/);
    const roles = await handle.db.select({ id: members.id, role: members.role }).from(members).where(eq(members.orgId, org.orgId));
    expect(roles).toEqual(
      expect.arrayContaining([
        { id: memberId, role: 'owner' },
        { id: owner.id, role: 'admin' },
      ]),
    );
  });

  it('makes only someone who can sign in an owner: not before they join, not while suspended', async () => {
    const org = await seedOrg(handle.db);
    const { memberId, inviteSecret } = await addMember(
      handle.db,
      org.orgId,
      { givenName: 'Nia', familyName: 'New', email: 'nia@example.test', role: 'member' },
      actor,
    );
    const nia = and(eq(members.orgId, org.orgId), eq(members.id, memberId));
    const roleSets = async () =>
      (
        await handle.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.resourceId, memberId)))
      ).filter((a) => a.action === 'member.role.set');
    await expect(setMemberRole(handle.db, org.orgId, memberId, 'owner', actor)).rejects.toMatchObject({ code: 'conflict', message: /not joined yet/ });

    await acceptInvite(handle.db, inviteSecret, { name: 'Nia New', password: 'a long password 1' });
    await handle.db.update(members).set({ status: 'suspended' }).where(nia);
    await expect(setMemberRole(handle.db, org.orgId, memberId, 'owner', actor)).rejects.toMatchObject({ code: 'conflict', message: /suspended/ });
    const [refused] = await handle.db.select({ role: members.role, grantedRole: members.grantedRole }).from(members).where(nia);
    expect(refused?.role).toBe('member');
    expect(refused?.grantedRole).not.toBe('owner');
    expect(await roleSets()).toHaveLength(0);

    await handle.db.update(members).set({ status: 'active' }).where(nia);
    await setMemberRole(handle.db, org.orgId, memberId, 'owner', actor);
    const [made] = await handle.db.select({ role: members.role }).from(members).where(nia);
    expect(made?.role).toBe('owner');
    expect(await roleSets()).toHaveLength(1);
  });

  it('keeps one owner when two owners demote each other at the same time', async () => {
    const org = await seedOrg(handle.db);
    const owner = await ownerOf(org.orgId);
    const { memberId } = await addMember(handle.db, org.orgId, { givenName: 'Cy', familyName: 'Member', email: 'cy@example.test', role: 'owner' }, actor);
    const results = await Promise.allSettled([
      setMemberRole(handle.db, org.orgId, owner.id, 'member', actor),
      setMemberRole(handle.db, org.orgId, memberId, 'member', actor),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const owners = await handle.db
      .select()
      .from(members)
      .where(and(eq(members.orgId, org.orgId), eq(members.role, 'owner')));
    expect(owners).toHaveLength(1);
  });

  it('treats a member of another org as not found', async () => {
    const a = await seedOrg(handle.db, 'a');
    const b = await seedOrg(handle.db, 'b');
    const { memberId } = await addMember(handle.db, b.orgId, { givenName: 'Bea', familyName: 'Member', email: 'bea@example.test', role: 'member' }, actor);
    await expect(setMemberRole(handle.db, a.orgId, memberId, 'owner', actor)).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeMember(handle.db, a.orgId, memberId, actor)).rejects.toMatchObject({ code: 'not_found' });
    const [bea] = await handle.db
      .select()
      .from(members)
      .where(and(eq(members.orgId, b.orgId), eq(members.id, memberId)));
    expect(bea?.role).toBe('member');
  });

  it('sorts by newest (the default: someone just added is on page 1), oldest, name and last change', async () => {
    const org = await seedOrg(handle.db);
    for (let i = 0; i < 55; i++) {
      await addMember(
        handle.db,
        org.orgId,
        { givenName: 'Person', familyName: String(i).padStart(2, '0'), email: `s${i}@example.test`, role: 'member' },
        actor,
      );
    }
    const { memberId } = await addMember(handle.db, org.orgId, { givenName: 'aaron', familyName: 'Zed', email: 'zed@example.test', role: 'member' }, actor);
    const newest = await findTeamMembers(handle.db, org.orgId, { page: 1 });
    expect(newest.rows[0]?.id).toBe(memberId);
    const oldest = await findTeamMembers(handle.db, org.orgId, { page: 1, sort: 'oldest' });
    expect(oldest.rows.map((r) => r.id)).not.toContain(memberId);
    const byName = await findTeamMembers(handle.db, org.orgId, { page: 1, sort: 'name' });
    expect(byName.rows[0]?.name).toBe('aaron Zed');
    const names = byName.rows.map((r) => r.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const edited = oldest.rows[1];
    await setMemberRole(handle.db, org.orgId, edited?.id ?? '', 'admin', actor);
    const changed = await findTeamMembers(handle.db, org.orgId, { page: 1, sort: 'changed' });
    expect(changed.rows[0]?.id).toBe(edited?.id);
  });

  it('searches and paginates in SQL, with the total under the same filter', async () => {
    const org = await seedOrg(handle.db);
    for (let i = 0; i < 60; i++) {
      await addMember(handle.db, org.orgId, { givenName: 'Person', familyName: `${i}`, email: `p${i}@example.test`, role: 'member' }, actor);
    }
    const first = await findTeamMembers(handle.db, org.orgId, { page: 1 });
    const second = await findTeamMembers(handle.db, org.orgId, { page: 2 });
    expect(first.total).toBe(61);
    expect(first.rows).toHaveLength(50);
    expect(second.rows).toHaveLength(11);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(61);
    const found = await findTeamMembers(handle.db, org.orgId, { page: 1, q: 'person 5' });
    expect(found.rows.map((r) => r.name).sort()).toEqual([
      'Person 5',
      'Person 50',
      'Person 51',
      'Person 52',
      'Person 53',
      'Person 54',
      'Person 55',
      'Person 56',
      'Person 57',
      'Person 58',
      'Person 59',
    ]);
    expect((await findTeamMembers(handle.db, org.orgId, { page: 1, q: '100%_' })).total).toBe(0);
    expect((await findTeamMembers(handle.db, org.orgId, { page: 1, source: 'scim' })).total).toBe(0);
  });

  it('links the member to a new account through the invite link, once', async () => {
    const org = await seedOrg(handle.db);
    const { memberId, inviteSecret } = await addMember(
      handle.db,
      org.orgId,
      { givenName: 'Ivy', familyName: 'Member', email: `ivy-${org.orgId}@example.test`, role: 'member' },
      actor,
    );
    expect(await getPendingInvite(handle.db, 'rsi_wrong')).toBeNull();
    const invite = await acceptInvite(handle.db, inviteSecret, { name: 'Ivy', password: 'correct horse battery' });
    expect(invite.memberId).toBe(memberId);
    const [row] = await handle.db
      .select()
      .from(members)
      .where(and(eq(members.orgId, org.orgId), eq(members.id, memberId)));
    expect(row?.accountId).not.toBeNull();
    expect(row?.inviteTokenHash).toBeNull();
    await expect(acceptInvite(handle.db, inviteSecret, { name: 'Eve', password: 'correct horse battery' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe.each(testDrivers())('SCIM-managed members on $driver', ({ open }) => {
  it('cannot be removed by hand: the identity provider owns them', async () => {
    const handle = await open();
    try {
      const org = await seedOrg(handle.db);
      const [row] = await handle.db
        .insert(members)
        .values({ orgId: org.orgId, userName: 'idp@example.test', email: 'idp@example.test', source: 'scim' })
        .returning();
      await expect(removeMember(handle.db, org.orgId, row?.id ?? '', actor)).rejects.toThrow(/identity provider/);
      const still = await handle.db
        .select()
        .from(members)
        .where(and(eq(members.orgId, org.orgId), eq(members.id, row?.id ?? '')));
      expect(still).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });
});
