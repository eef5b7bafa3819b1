import { describe, expect, inject, it } from 'vitest';
import { detectTransactionPooler } from './pooler-probe';

const direct = inject('postgresTestUrl');
const pooled = inject('poolerTestUrl');
const session = inject('poolerSessionUrl');
const statement = inject('poolerStatementUrl');

// Against Debian's PgBouncer 1.18 in CI (.ci/pgbouncer.ini): what the check says must hold every time.
describe('the transaction-pooler check', () => {
  it.runIf(direct)('finds nothing on a direct connection', async () => {
    for (let i = 0; i < 5; i++) expect(await detectTransactionPooler(direct ?? '')).toBe(false);
  });

  it.runIf(pooled)('finds PgBouncer in transaction mode, every time', async () => {
    for (let i = 0; i < 5; i++) expect(await detectTransactionPooler(pooled ?? '')).toBe(true);
  });

  it.runIf(pooled)('finds it while other clients keep the pooler busy', async () => {
    const postgres = (await import('postgres')).default;
    const load = postgres(pooled ?? '', { max: 6, prepare: false, onnotice: () => {} });
    let running = true;
    const loops = Array.from({ length: 6 }, async () => {
      while (running) await load.begin((tx) => tx`select pg_sleep(0.002)`);
    });
    try {
      for (let i = 0; i < 5; i++) expect(await detectTransactionPooler(pooled ?? '')).toBe(true);
    } finally {
      running = false;
      await Promise.all(loops);
      await load.end();
    }
  });

  it.runIf(session)('finds nothing through PgBouncer in session mode (a session there is kept)', async () => {
    for (let i = 0; i < 5; i++) expect(await detectTransactionPooler(session ?? '')).toBe(false);
  });

  it.runIf(statement)('refuses statement-mode pooling, saying why (Roster needs transactions)', async () => {
    await expect(detectTransactionPooler(statement ?? '')).rejects.toThrow(/statement-mode pooler\? Roster needs transactions/);
  });
});
