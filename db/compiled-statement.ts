import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

const dialect = new PgDialect();

/**
 * A raw SQL statement with named placeholders (sql.placeholder), rendered to text ONCE and run
 * as a prepared statement, in a transaction or not. Both halves matter (npm run bench:profile):
 * - rendering a Drizzle SQL object was a large part of a SCIM write's JavaScript;
 * - Drizzle asks postgres.js to prepare only queries given a name, and postgres.js sends an
 *   unprepared query with parameters as Parse/Describe, waits for the answer, then Bind/Execute:
 *   TWO round trips, and nothing can be pipelined behind it. A prepared one is parsed once per
 *   connection and then costs one round trip (and pipelines).
 * Behind a transaction pooler the client has `prepare: false` (db/client.ts), which wins over the
 * name: statements stay unnamed there. Returns the raw rows of either driver (db/result-rows.ts).
 */
export function compiledStatement(name: string, build: () => SQL): (db: DbOrTx, values: Record<string, unknown>) => Promise<unknown> {
  let query: ReturnType<PgDialect['sqlToQuery']> | undefined;
  return (db, values) => {
    query ??= dialect.sqlToQuery(build());
    return db._.session.prepareQuery(query, undefined, name, false).execute(values);
  };
}
