import { eq } from 'drizzle-orm';
import { organizations } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

export async function getOrgBySlug(db: DbOrTx, slug: string): Promise<{ id: string; slug: string; name: string } | null> {
  const [org] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.slug, slug))
    .limit(1);
  return org ?? null;
}
