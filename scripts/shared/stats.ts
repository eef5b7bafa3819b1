/** Latency and status bookkeeping shared by the simulator and the benchmark (no dependencies). */

/** Nearest-rank percentile (p in 0..100) of an ascending-sorted array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
  };
}

/** What one request came back as: an HTTP status, or why there was none. */
export type Outcome = number | 'timeout' | 'network';

/** Counts every request by kind ("user.create") and outcome, and keeps its latency. */
export class Recorder {
  readonly latencies = new Map<string, number[]>();
  /** Failed requests (not what the dialect expected: 4xx/5xx, timeouts, network) by outcome. */
  readonly errorCounts = new Map<string, number>();
  errors = 0;
  requests = 0;
  /** The first few failures, to show the user what went wrong (method, path, status, detail). */
  readonly samples: string[] = [];

  record(kind: string, outcome: Outcome, ms: number, failure?: string): void {
    this.requests++;
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
    if (failure !== undefined) {
      const key = String(outcome);
      this.errorCounts.set(key, (this.errorCounts.get(key) ?? 0) + 1);
      this.errors++;
      if (this.samples.length < 5) this.samples.push(failure);
    }
  }

  /** Failed requests by outcome ("409", "timeout"), for the closing summary. */
  errorsByOutcome(): Record<string, number> {
    return Object.fromEntries([...this.errorCounts].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** 12,345 */
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
/** 1.2 / 12.3 / 123 — enough digits for a millisecond column. */
export const fmtMs = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n < 1000 ? n.toFixed(0) : fmtInt(n));
