import { and, eq, sql } from 'drizzle-orm';
import { members, type Member, type MemberSource } from '@/db/schema';
import type { Tx } from '@/db/client';
import { AppError, pgErrorCode, violatedConstraint } from '@/lib/errors';
import { memberColumns, type MemberFields } from './member-fields';

/**
 * The member writes shared by SCIM and the UI. They take the caller's transaction, so the
 * caller's audit row commits with them, and turn constraint violations into AppErrors.
 */
export async function insertMember(tx: Tx, orgId: string, fields: MemberFields, source: MemberSource): Promise<Member> {
  return withConstraintErrors(async () => {
    const [row] = await tx
      .insert(members)
      .values({ orgId, source, ...memberColumns(fields) })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  });
}

/**
 * Replaces every IdP-owned field; bumps the version (the ETag). Null when the member is gone.
 * A write by the IdP makes the member SCIM-managed: a hand-added person the IdP looked up and
 * PATCHed is adopted (DESIGN.md "Access policy"), keeping account, hand role and groups.
 */
export async function updateMember(tx: Tx, orgId: string, memberId: string, fields: MemberFields): Promise<Member | null> {
  return withConstraintErrors(async () => {
    const [row] = await tx
      .update(members)
      .set({ ...memberColumns(fields), source: 'scim', updatedAt: sql`now()`, version: sql`${members.version} + 1` })
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)))
      .returning();
    return row ?? null;
  });
}

/** Runs a member write, turning its constraint violations into the AppErrors the callers answer with. */
export async function withConstraintErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = pgErrorCode(error);
    const constraint = violatedConstraint(error);
    if (code === '23505' && constraint === 'members_org_id_user_name_uq') {
      throw new AppError('conflict', 'userName is already taken in this organization', 'userName');
    }
    if (code === '23503' && constraint === 'members_manager_fk') {
      throw new AppError('bad_request', 'manager.value does not name a member of this organization', 'manager');
    }
    throw error;
  }
}
