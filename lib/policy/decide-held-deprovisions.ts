import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { pgErrorCode } from '@/lib/errors';
import { notifyTeamChanged } from '@/lib/live/team-change-channel';
import { assertActiveOwnerRemains, lockOwnerChanges } from './owner-guard';

/**
 * The owner's "Allow": every held deprovision is applied at once, in one transaction with its
 * audit row — suspends as one UPDATE, deletes as one DELETE. The IdP's retries then converge: a
 * repeated suspend is a 200 (already suspended), a repeated delete a 404. The owner rule still
 * holds: if allowing would leave no active owner, nothing is applied.
 */
export async function allowHeldDeprovisions(db: Db, orgId: string, actor: AuditActor): Promise<{ suspended: number; deleted: number }> {
  // An IdP retry of a held request holds its person's row, then waits for the guard's lock that
  // this holds: PostgreSQL breaks that deadlock by aborting one side. The IdP retries on its own;
  // the owner's click is retried here.
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyHeld(db, orgId, actor);
    } catch (error) {
      if (pgErrorCode(error) !== '40P01' || attempt >= 3) throw error;
    }
  }
}

async function applyHeld(db: Db, orgId: string, actor: AuditActor): Promise<{ suspended: number; deleted: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`roster.deprovision:${orgId}`}, 0))`);
    await lockOwnerChanges(tx, orgId);
    const suspended = resultRows(
      await tx.execute(sql`
        update members m set status = 'suspended', updated_at = now(), version = m.version + 1
        from held_deprovisions h
        where h.org_id = ${orgId}::uuid and h.state = 'held' and h.kind = 'suspend' and m.org_id = h.org_id and m.id = h.member_id and m.status = 'active'
        returning m.id`),
    ).length;
    const held = sql`select member_id from held_deprovisions where org_id = ${orgId}::uuid and state = 'held' and kind = 'delete'`;
    await tx.execute(sql`update members set manager_id = null where org_id = ${orgId}::uuid and manager_id in (${held})`);
    const deleted = resultRows(await tx.execute(sql`delete from members where org_id = ${orgId}::uuid and id in (${held}) returning id`)).length;
    await tx.execute(sql`delete from held_deprovisions where org_id = ${orgId}::uuid and state = 'held'`);
    await assertActiveOwnerRemains(tx, orgId);
    await notifyTeamChanged(tx, orgId);
    await recordAuditEvent(tx, { orgId, action: 'policy.deprovision.allow', actor, resourceType: 'Member', summary: { suspended, deleted } });
    return { suspended, deleted };
  });
}

/**
 * The owner's "Keep them": the held people stay, and later requests to deprovision them are
 * refused (409) until the owner releases them.
 */
export async function keepHeldDeprovisions(db: Db, orgId: string, actor: AuditActor): Promise<number> {
  return db.transaction(async (tx) => {
    const kept = resultRows(
      await tx.execute(sql`update held_deprovisions set state = 'kept' where org_id = ${orgId}::uuid and state = 'held' returning member_id`),
    ).length;
    await notifyTeamChanged(tx, orgId);
    await recordAuditEvent(tx, { orgId, action: 'policy.deprovision.keep', actor, resourceType: 'Member', summary: { kept } });
    return kept;
  });
}

/** Releases everyone kept: the IdP may deprovision them again (through the guard as usual). */
export async function releaseKeptDeprovisions(db: Db, orgId: string, actor: AuditActor): Promise<number> {
  return db.transaction(async (tx) => {
    const released = resultRows(
      await tx.execute(sql`delete from held_deprovisions where org_id = ${orgId}::uuid and state = 'kept' returning member_id`),
    ).length;
    await recordAuditEvent(tx, { orgId, action: 'policy.deprovision.release', actor, resourceType: 'Member', summary: { released } });
    return released;
  });
}
