import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { AppError } from '@/lib/errors';

/**
 * A change refused by the access policy. `rule` names it in the sync log, so the Security card
 * can tell the owner what happened and what to do.
 */
export class PolicyError extends AppError {
  constructor(
    readonly rule: 'last-owner' | 'deprovision-held' | 'deprovision-kept',
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super('conflict', message);
    this.name = 'PolicyError';
  }
}

/**
 * Serialises every change that could take away an org's last active owner, for the rest of the
 * transaction. Two IdP requests deprovisioning the last two owners at once: the second waits,
 * then sees the first's commit in assertActiveOwnerRemains and is refused. (A transaction-level
 * advisory lock rather than the owner rows: a SCIM request has already locked its target row,
 * and locking the other owners' rows too could deadlock two such requests.)
 */
export async function lockOwnerChanges(tx: Tx, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`roster.owners:${orgId}`}, 0))`);
}

/** Throws when the org has no active owner left; the caller's transaction then rolls back. */
export async function assertActiveOwnerRemains(tx: Tx, orgId: string, orgName?: string): Promise<void> {
  const rows = resultRows(
    await tx.execute(sql`select exists (select 1 from members where org_id = ${orgId}::uuid and role = 'owner' and status = 'active') as ok`),
  );
  if (rows[0]?.ok === true) return;
  throw new PolicyError(
    'last-owner',
    `Refused: this would leave ${orgName ?? 'the organization'} without an active owner, and nobody could administer it. ` +
      'An owner should make someone else an owner on the team page (or map an owner group under Security → Directory Sync); ' +
      'the identity provider’s next retry then succeeds. Nothing was changed.',
  );
}
