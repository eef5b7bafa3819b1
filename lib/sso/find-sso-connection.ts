import { eq } from 'drizzle-orm';
import { organizations, ssoConnections, type SsoConnection } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

export type SsoConnectionWithOrg = SsoConnection & { orgSlug: string; orgName: string };

export async function findSsoConnection(db: DbOrTx, orgId: string): Promise<SsoConnection | null> {
  const [row] = await db.select().from(ssoConnections).where(eq(ssoConnections.orgId, orgId)).limit(1);
  return row ?? null;
}

/** By the org's slug, for the sign-in routes (the slug is in their URL). */
export async function findSsoConnectionBySlug(db: DbOrTx, slug: string): Promise<SsoConnectionWithOrg | null> {
  const [row] = await db
    .select({ connection: ssoConnections, orgSlug: organizations.slug, orgName: organizations.name })
    .from(ssoConnections)
    .innerJoin(organizations, eq(organizations.id, ssoConnections.orgId))
    .where(eq(organizations.slug, slug))
    .limit(1);
  return row ? { ...row.connection, orgSlug: row.orgSlug, orgName: row.orgName } : null;
}
