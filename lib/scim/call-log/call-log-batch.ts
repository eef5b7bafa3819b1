import type { Db } from '@/db/client';
import { onDbClose } from '@/db/close-hooks';
import { resultRows } from '@/db/result-rows';
import type { RateLimitOutcome } from '@/lib/rate-limit/rate-limit';
import { flushStatement, type Batch, type ReadLogRow, type TokenUse } from './flush-statement';
import { TokenRateMeter } from './token-rate-meter';

/** Under load a batch leaves every ~20 ms; a lone request's row lands within that too. */
const FLUSH_DELAY_MS = 20;
const FLUSH_AT_ROWS = 500;
/** While the database is down rows wait for it, up to this many; older ones are then dropped. */
const MAX_QUEUED_ROWS = 20_000;
/** Longest one batch may hold back the next. */
const FLUSH_WAIT_MS = 2_000;

/**
 * The writes a SCIM request leaves AFTER its answer is decided, gathered for a few
 * milliseconds and written in one statement: reads' sync-log rows, token last use, per-token
 * counts and team-changed notifications. Changes never go through here: a change and its
 * sync-log row still commit in one transaction. What a crash can lose is the last ~20 ms of
 * read rows (they were already written with synchronous_commit off before batching).
 */
export class CallLogBatch {
  readonly meter = new TokenRateMeter();
  private reads: ReadLogRow[] = [];
  private uses = new Map<string, TokenUse>();
  private orgs = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  logRead(row: ReadLogRow): void {
    this.reads.push(row);
    if (this.reads.length > MAX_QUEUED_ROWS) this.reads.splice(0, this.reads.length - MAX_QUEUED_ROWS);
    this.schedule(this.reads.length >= FLUSH_AT_ROWS);
  }

  tokenUsed(use: TokenUse): void {
    this.uses.set(use.id, use);
    this.schedule(false);
  }

  notifyTeam(orgId: string): void {
    this.orgs.add(orgId);
    this.schedule(false);
  }

  hitTokenRate(tokenId: string, perMinute: number): RateLimitOutcome {
    const outcome = this.meter.hit(tokenId, perMinute, Date.now());
    this.schedule(false);
    return outcome;
  }

  /** Writes everything queued so far (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch: Batch = { reads: this.reads, uses: [...this.uses.values()], counts: this.meter.drain(Date.now()), orgsToNotify: [...this.orgs] };
    if (!batch.reads.length && !batch.uses.length && !batch.counts.length && !batch.orgsToNotify.length) return;
    this.reads = [];
    this.uses = new Map();
    this.orgs = new Set();
    // A write stuck on a connection that died with the database must not hold back the next
    // batches (team pages would wait for their refresh): after FLUSH_WAIT_MS the next batch
    // goes on another connection while this one finishes or fails (and is then re-queued).
    let waited: ReturnType<typeof setTimeout> | undefined;
    const bounded = new Promise<void>((resolve) => {
      waited = setTimeout(resolve, FLUSH_WAIT_MS);
      waited.unref?.();
    });
    this.flushing = Promise.race([this.write(batch), bounded]).finally(() => {
      clearTimeout(waited);
      this.flushing = undefined;
    });
    await this.flushing;
  }

  private async write(batch: Batch): Promise<void> {
    try {
      const rows = resultRows(await this.db.execute(flushStatement(batch)));
      this.meter.settle(batch.counts, new Map(rows.filter((r) => r.key != null).map((r) => [String(r.key), Number(r.count)])));
    } catch (error) {
      this.meter.settle(batch.counts, undefined);
      // Keep the rows for the next try (the database may be restarting); never log their values.
      this.reads = [...batch.reads, ...this.reads].slice(-MAX_QUEUED_ROWS);
      for (const use of batch.uses) if (!this.uses.has(use.id)) this.uses.set(use.id, use);
      const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      console.error(`[scim] ${batch.reads.length} sync-log rows of reads wait for the database (${code ?? 'no connection'})`);
      this.schedule(false, 1_000);
    }
  }

  private schedule(now: boolean, delay = FLUSH_DELAY_MS): void {
    if (now) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush().catch(() => {});
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => {});
    }, delay);
    this.timer.unref?.();
  }
}

const batches = new WeakMap<Db, CallLogBatch>();

/** One batch per database handle; it is flushed before the handle closes. */
export function callLogBatchFor(db: Db): CallLogBatch {
  let batch = batches.get(db);
  if (!batch) {
    const created = new CallLogBatch(db);
    batches.set(db, created);
    onDbClose(db, () => created.flush());
    batch = created;
  }
  return batch;
}

/** Waits until every queued row of `db` is written: what tests call before reading the log. */
export async function flushScimCallLog(db: Db): Promise<void> {
  await batches.get(db)?.flush();
}
