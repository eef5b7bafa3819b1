/**
 * A prepared query built once per database handle and reused: building a Drizzle query was
 * about a third of a SCIM read's CPU (--cpu-prof), and a named statement is also parsed and
 * planned once per connection. Only for queries run on the handle itself, not in a transaction.
 * Behind a transaction pooler (DATABASE_POOLER) the handle's client has `prepare: false`, which
 * postgres.js applies over the name Drizzle asks for: the query object is still built once, but
 * the statement is unnamed, so no server connection keeps one that another could miss.
 */
export function prepareOnce<Db extends object, Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
