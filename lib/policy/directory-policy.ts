import { eq, sql } from 'drizzle-orm';
import { directoryPolicies, type MemberRole } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/** An org's directory-sync policy; an org that never changed it has these defaults. */
export type DirectoryPolicyDto = {
  defaultRole: MemberRole;
  adoptionEnabled: boolean;
  guardEnabled: boolean;
  /** Null: the automatic threshold, max(10, 20 % of active members). */
  guardThreshold: number | null;
};

export const DEFAULT_POLICY: DirectoryPolicyDto = { defaultRole: 'member', adoptionEnabled: true, guardEnabled: true, guardThreshold: null };

export async function getDirectoryPolicy(db: DbOrTx, orgId: string): Promise<DirectoryPolicyDto> {
  const [row] = await db
    .select({
      defaultRole: directoryPolicies.defaultRole,
      adoptionEnabled: directoryPolicies.adoptionEnabled,
      guardEnabled: directoryPolicies.guardEnabled,
      guardThreshold: directoryPolicies.guardThreshold,
    })
    .from(directoryPolicies)
    .where(eq(directoryPolicies.orgId, orgId));
  return row ?? DEFAULT_POLICY;
}

/** The upsert of a policy change (inside the caller's transaction). */
export async function writeDirectoryPolicy(tx: DbOrTx, orgId: string, change: Partial<DirectoryPolicyDto>): Promise<void> {
  await tx
    .insert(directoryPolicies)
    .values({ orgId, ...DEFAULT_POLICY, ...change })
    .onConflictDoUpdate({ target: directoryPolicies.orgId, set: { ...change, updatedAt: sql`now()` } });
}
