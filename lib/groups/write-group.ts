import { and, eq, sql } from 'drizzle-orm';
import { groups, type Group } from '@/db/schema';
import type { Tx } from '@/db/client';
import { AppError, isUniqueViolation } from '@/lib/errors';

export type GroupFields = { displayName: string; externalId: string | null };

export async function insertGroup(tx: Tx, orgId: string, fields: GroupFields): Promise<Group> {
  return withUniqueName(async () => {
    const [row] = await tx
      .insert(groups)
      .values({ orgId, ...fields })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  });
}

/** Changes the given fields and bumps the version; also used to bump it after membership changes. */
export async function updateGroup(tx: Tx, orgId: string, groupId: string, fields: Partial<GroupFields>): Promise<Group | null> {
  return withUniqueName(async () => {
    const [row] = await tx
      .update(groups)
      .set({ ...fields, updatedAt: sql`now()`, version: sql`${groups.version} + 1` })
      .where(and(eq(groups.orgId, orgId), eq(groups.id, groupId)))
      .returning();
    return row ?? null;
  });
}

/** Memberships go with the group (FK cascade). */
export async function deleteGroup(tx: Tx, orgId: string, groupId: string): Promise<boolean> {
  const rows = await tx
    .delete(groups)
    .where(and(eq(groups.orgId, orgId), eq(groups.id, groupId)))
    .returning({ id: groups.id });
  return rows.length > 0;
}

export async function getGroup(tx: Tx, orgId: string, groupId: string, options: { forUpdate?: boolean } = {}): Promise<Group | null> {
  const query = tx
    .select()
    .from(groups)
    .where(and(eq(groups.orgId, orgId), eq(groups.id, groupId)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

async function withUniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'displayName is already taken by another group in this organization', 'displayName');
    throw error;
  }
}
