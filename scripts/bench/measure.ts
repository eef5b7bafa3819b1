import { runPool } from '../shared/pool';
import { summarize, type LatencySummary } from '../shared/stats';

export type Measurement = {
  ops: number;
  errors: number;
  durationMs: number;
  /** Completed operations per second over the measured window. */
  rate: number;
  latency: LatencySummary;
  /** Latency of operation 0, the first one of the scenario (cold paths show here). */
  firstMs?: number;
  /** True when the time cap stopped the scenario before its op count. */
  capped: boolean;
  /** The first failure, to show what went wrong. */
  firstError?: string;
};

export type MeasureOptions = {
  ops: number;
  concurrency: number;
  timeCapMs: number;
  /** One timed operation; false or a throw counts as an error. */
  run: (i: number) => Promise<boolean | void>;
  /** Untimed work after operation i (e.g. undoing it so the next one starts from the same state). */
  after?: (i: number) => Promise<void>;
};

/**
 * Runs `ops` operations, `concurrency` at a time, for at most `timeCapMs`. The rate counts the
 * timed work only: with an `after` step the window is the sum of the timed parts, divided by
 * the concurrency.
 */
export async function measure(options: MeasureOptions): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeCapMs);
  const started = performance.now();
  let untimed = 0;
  let firstMs = NaN;
  try {
    await runPool(
      Array.from({ length: options.ops }, (_, i) => i),
      options.concurrency,
      async (i) => {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = (await options.run(i)) !== false;
          if (!ok) firstError ??= `operation ${i} failed`;
        } catch (error) {
          firstError ??= error instanceof Error ? error.message : String(error);
        }
        const ms = performance.now() - t0;
        latencies.push(ms);
        if (i === 0) firstMs = ms;
        if (!ok) errors++;
        if (options.after) {
          const t1 = performance.now();
          await options.after(i);
          untimed += performance.now() - t1;
        }
      },
      abort.signal,
    );
  } finally {
    clearTimeout(timer);
  }
  const durationMs = performance.now() - started - untimed / options.concurrency;
  return {
    ops: latencies.length,
    errors,
    durationMs,
    rate: (latencies.length - errors) / Math.max(durationMs / 1000, 0.001),
    latency: summarize(latencies),
    firstMs,
    capped: latencies.length < options.ops,
    ...(firstError ? { firstError } : {}),
  };
}
