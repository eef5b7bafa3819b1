import { and, eq, sql } from 'drizzle-orm';
import { members, organizations, ssoConnections } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/**
 * Which org's IdP to send someone to, from what they typed on "Sign in with SSO": the org's URL
 * name (slug), or a work email that is the email or userName of exactly one member of an org
 * with SSO. Roster has no verified domains, so an email's domain alone decides nothing.
 * (That an email is on some SSO org is visible this way: SECURITY.md.)
 */
export async function findSsoOrg(db: DbOrTx, who: string): Promise<{ slug: string } | { ambiguous: true } | null> {
  if (!who.includes('@')) {
    const [row] = await db
      .select({ slug: organizations.slug })
      .from(organizations)
      .innerJoin(ssoConnections, eq(ssoConnections.orgId, organizations.id))
      .where(eq(organizations.slug, who))
      .limit(1);
    return row ?? null;
  }
  const rows = await db
    .selectDistinct({ slug: organizations.slug })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.orgId))
    .innerJoin(ssoConnections, eq(ssoConnections.orgId, members.orgId))
    .where(and(sql`(lower(${members.email}) = ${who} or lower(${members.userName}) = ${who})`))
    .limit(2);
  if (rows.length > 1) return { ambiguous: true };
  return rows[0] ?? null;
}
