import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepareOnce } from '@/db/prepare-once';
import { groups, members, type Group, type Member } from '@/db/schema';

// The reads IdPs repeat most, as named prepared statements (db/prepare-once.ts). Reads run on
// the database handle, never in a transaction (lib/scim/handler.ts). Behind a transaction pooler
// the names are dropped and the statements are unnamed (db/client.ts; prepared-reads.test.ts).

const userByUserName = prepareOnce((db: DbOrTx) =>
  db
    .select()
    .from(members)
    .where(and(eq(members.orgId, sql.placeholder('orgId')), sql`lower(${members.userName}) = lower(${sql.placeholder('userName')})`))
    .prepare('scim_user_by_user_name'),
);

const userById = prepareOnce((db: DbOrTx) =>
  db
    .select()
    .from(members)
    .where(and(eq(members.orgId, sql.placeholder('orgId')), eq(members.id, sql.placeholder('id'))))
    .prepare('scim_user_by_id'),
);

const groupById = prepareOnce((db: DbOrTx) =>
  db
    .select()
    .from(groups)
    .where(and(eq(groups.orgId, sql.placeholder('orgId')), eq(groups.id, sql.placeholder('id'))))
    .prepare('scim_group_by_id'),
);

/** The org's person with this userName (case-insensitive, as the unique index), or none. */
export function findByUserName(db: DbOrTx, orgId: string, userName: string): Promise<Member[]> {
  return userByUserName(db).execute({ orgId, userName });
}

export async function readUser(db: DbOrTx, orgId: string, id: string): Promise<Member | null> {
  return (await userById(db).execute({ orgId, id }))[0] ?? null;
}

export async function readGroup(db: DbOrTx, orgId: string, id: string): Promise<Group | null> {
  return (await groupById(db).execute({ orgId, id }))[0] ?? null;
}
