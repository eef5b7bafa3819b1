import type { Progress } from './cycle';
import { fmtInt } from '../shared/stats';

type Stream = { isTTY?: boolean; columns?: number; write: (text: string) => unknown };

/**
 * A progress bar redrawn in place when `stream` is a terminal; otherwise (CI logs) one plain
 * line every `intervalMs` and at each phase change, so the log stays short and readable.
 */
export function progressReporter(stream: Stream = process.stderr, intervalMs = 5000) {
  let lastLine = 0;
  let lastPhase = '';
  let lastDraw = 0;
  let drawn = false;
  const describe = (p: Progress) => {
    const seconds = p.elapsedMs / 1000;
    const rate = seconds > 0 ? p.requests / seconds : 0;
    return `${p.phase.padEnd(15)} ${fmtInt(p.done)}/${fmtInt(p.total)} steps · ${fmtInt(p.requests)} requests · ${fmtInt(rate)} req/s · ${fmtInt(p.errors)} errors · ${seconds.toFixed(1)} s`;
  };
  return {
    update: (p: Progress): void => {
      const now = Date.now();
      if (stream.isTTY) {
        if (now - lastDraw < 100 && p.done < p.total) return;
        lastDraw = now;
        const width = 24;
        const fraction = p.total ? Math.min(1, p.done / p.total) : 1;
        const filled = Math.round(fraction * width);
        const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`;
        stream.write(`\r${`${bar} ${describe(p)}`.slice(0, (stream.columns ?? 120) - 1)}\x1b[K`);
        drawn = true;
        return;
      }
      if (p.phase !== lastPhase || now - lastLine >= intervalMs) {
        lastPhase = p.phase;
        lastLine = now;
        stream.write(`${describe(p)}\n`);
      }
    },
    /** Ends the bar's line so that what follows starts on a fresh one. */
    finish(): void {
      if (drawn) stream.write('\n');
    },
  };
}
