import postgres from 'postgres';

/** How many times the check runs before it says "no pooler": other clients can blur one round. */
const ROUNDS = 3;

/**
 * Whether `url` reaches PostgreSQL through a transaction-mode pooler, where one client
 * connection's transactions may each run on a different server backend. Behind one, anything a
 * server session keeps (a prepared statement, LISTEN, SET, a session advisory lock) can be gone,
 * or another client's, on the next transaction.
 *
 * The check is by backend identity. Client connection A asks for its backend's pid, which hands
 * the backend back to a transaction pooler; client B then opens a transaction, which takes a
 * backend and keeps it; and A asks again. Directly or through a session pooler, A keeps its own
 * backend throughout and B has another. Through a transaction pooler either B got A's former
 * backend (PgBouncer reuses the last released server first), or A's second question lands on a
 * backend other than its first. Statement-mode pooling refuses the transaction: an error here,
 * which says so (Roster needs transactions).
 */
export async function detectTransactionPooler(url: string): Promise<boolean> {
  // Unnamed statements only: this must be safe to run through the very pooler it looks for.
  const options = { max: 1, prepare: false, fetch_types: false, connect_timeout: 3, onnotice: () => {} } as const;
  const a = postgres(url, options);
  const b = postgres(url, options);
  const backend = async (sql: postgres.Sql | postgres.TransactionSql) => Number((await sql`select pg_backend_pid() as pid`)[0]?.pid);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const first = await backend(a);
      const crossed = await b
        .begin(async (tx) => {
          if ((await backend(tx)) === first) return true;
          return (await backend(a)) !== first;
        })
        .catch((error: unknown) => {
          throw new Error(
            `Roster: DATABASE_URL answers queries but refused a transaction (${(error as Error).message}): a statement-mode pooler? ` +
              'Roster needs transactions: use transaction pooling (DATABASE_POOLER=transaction) or session pooling.',
            { cause: error },
          );
        });
      if (crossed) return true;
    }
    return false;
  } finally {
    await Promise.all([a.end({ timeout: 1 }), b.end({ timeout: 1 })]);
  }
}
