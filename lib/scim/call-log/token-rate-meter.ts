import type { RateLimitOutcome } from '@/lib/rate-limit/rate-limit';

const WINDOW_MS = 60_000;

/** A count to add to the shared counter of one token's current minute. */
export type PendingCount = { key: string; tokenId: string; windowStart: string; n: number };

type Window = { start: number; known: number; inFlight: number; pending: number };

/**
 * Counts each token's requests per minute in this process and shares them with the other
 * instances through rate_limits in the call log's batched flush (every ~20 ms under load).
 * A request is judged on the shared count last read plus what this process has counted since,
 * so the limit holds across instances to within one flush, without a write per request.
 */
export class TokenRateMeter {
  private readonly windows = new Map<string, Window>();

  hit(tokenId: string, perMinute: number, nowMs: number): RateLimitOutcome {
    const start = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
    let window = this.windows.get(tokenId);
    if (!window || window.start !== start) {
      window = { start, known: 0, inFlight: 0, pending: 0 };
      this.windows.set(tokenId, window);
    }
    window.pending += 1;
    const count = window.known + window.inFlight + window.pending;
    // Retry-After must be a whole number of seconds (Okta parses it as an integer), at least 1.
    return { allowed: count <= perMinute, count, retryAfterSeconds: Math.max(1, Math.ceil((start + WINDOW_MS - nowMs) / 1000)) };
  }

  /** The counts not yet shared; they stay counted locally until the flush reports back. */
  drain(nowMs: number): PendingCount[] {
    const drained: PendingCount[] = [];
    for (const [tokenId, window] of this.windows) {
      if (window.start + WINDOW_MS <= nowMs) {
        this.windows.delete(tokenId);
        continue;
      }
      if (window.pending === 0) continue;
      drained.push({ key: `scim-token:${tokenId}`, tokenId, windowStart: new Date(window.start).toISOString(), n: window.pending });
      window.inFlight += window.pending;
      window.pending = 0;
    }
    return drained;
  }

  /** The shared counts after a flush (`count` per token, or undefined when the flush failed). */
  settle(sent: PendingCount[], shared: Map<string, number> | undefined): void {
    for (const item of sent) {
      const window = this.windows.get(item.tokenId);
      if (!window || new Date(window.start).toISOString() !== item.windowStart) continue;
      window.inFlight -= item.n;
      const count = shared?.get(item.key);
      if (count !== undefined) window.known = Math.max(window.known, count - window.inFlight);
      else window.pending += item.n;
    }
  }
}
