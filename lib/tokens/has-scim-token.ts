import { eq } from 'drizzle-orm';
import { scimTokens } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/** Whether the org ever made a SCIM token (revoked ones count: the owner has found Directory Sync). */
export async function hasScimToken(db: DbOrTx, orgId: string): Promise<boolean> {
  const [row] = await db.select({ id: scimTokens.id }).from(scimTokens).where(eq(scimTokens.orgId, orgId)).limit(1);
  return row !== undefined;
}
