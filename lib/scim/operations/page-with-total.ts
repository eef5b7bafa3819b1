import { count, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import type { ListQuery } from '../schemas/list-query';

/**
 * One page of rows and the total under the same WHERE, in one query: `count(*) over ()` is
 * computed before LIMIT. Only a page past the end (no row to carry the total) or count=0 needs
 * the separate count(*). Ties are broken by id so that pages never skip or repeat a row.
 */
export async function pageWithTotal<T extends PgTable>(
  db: DbOrTx,
  table: T,
  where: SQL | undefined,
  order: { sort: PgColumn | SQL; id: PgColumn; descending: boolean },
  query: ListQuery,
): Promise<{ rows: T['$inferSelect'][]; total: number }> {
  const totalOf = async () => (await db.select({ n: count() }).from(table as PgTable).where(where))[0]?.n ?? 0;
  if (query.count === 0) return { rows: [], total: await totalOf() };
  const direction = order.descending ? sql`desc` : sql`asc`;
  const found = await db
    .select({ row: table as PgTable, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(table as PgTable)
    .where(where)
    .orderBy(sql`${order.sort} ${direction}`, sql`${order.id} ${direction}`)
    .limit(query.count)
    .offset(query.startIndex - 1);
  const rows = found.map((r) => r.row as T['$inferSelect']);
  return { rows, total: found[0]?.total ?? (query.startIndex > 1 ? await totalOf() : 0) };
}
