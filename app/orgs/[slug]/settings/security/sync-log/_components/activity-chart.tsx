import type { SyncActivity } from '@/lib/audit/audit-activity';

const W = 720;
const H = 160;
const PAD = { top: 8, right: 8, bottom: 22, left: 36 };

const tick = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' });

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function label(iso: string) {
  return tick.format(new Date(iso));
}

/**
 * Requests (grey) and errors (red) per bucket, as plain SVG. role="img" with a summary for
 * screen readers, and the numbers in a visually hidden table.
 */
export function ActivityChart({ activity }: { activity: SyncActivity }) {
  const { buckets } = activity;
  const max = Math.max(1, ...buckets.map((b) => b.requests));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, buckets.length);
  const barW = Math.max(1, slot * 0.8);
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const busiest = buckets.reduce((a, b) => (b.requests > a.requests ? b : a), buckets[0] ?? { start: activity.from, requests: 0, errors: 0 });
  const width =
    activity.bucketSeconds >= 86_400
      ? `${activity.bucketSeconds / 86_400}-day`
      : activity.bucketSeconds >= 3600
        ? `${activity.bucketSeconds / 3600}-hour`
        : `${activity.bucketSeconds / 60}-minute`;
  const summary =
    activity.requests === 0
      ? `No SCIM requests between ${label(activity.from)} and ${label(activity.to)} UTC.`
      : `${plural(activity.requests, 'SCIM request')} and ${plural(activity.errors, 'error')} between ${label(activity.from)} and ${label(activity.to)} UTC, ` +
        `in ${width} buckets; busiest bucket ${label(busiest.start)} with ${plural(busiest.requests, 'request')}.`;
  const ticks = [0, Math.floor(buckets.length / 2), buckets.length - 1].filter((i, n, all) => i >= 0 && all.indexOf(i) === n);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full" data-testid="activity-chart">
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} className="stroke-slate-300" />
        <text x={PAD.left - 6} y={PAD.top + 8} textAnchor="end" className="fill-slate-500 text-[10px]">
          {max}
        </text>
        <text x={PAD.left - 6} y={PAD.top + plotH} textAnchor="end" className="fill-slate-500 text-[10px]">
          0
        </text>
        {buckets.map((b, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={b.start}>
              {b.requests > 0 ? <rect x={x} y={y(b.requests)} width={barW} height={PAD.top + plotH - y(b.requests)} className="fill-slate-400" /> : null}
              {b.errors > 0 ? <rect x={x} y={y(b.errors)} width={barW} height={PAD.top + plotH - y(b.errors)} className="fill-red-500" /> : null}
            </g>
          );
        })}
        {ticks.map((i) => {
          const b = buckets[i];
          if (!b) return null;
          const x = PAD.left + i * slot + slot / 2;
          return (
            <text key={i} x={x} y={H - 6} textAnchor={i === 0 ? 'start' : i === buckets.length - 1 ? 'end' : 'middle'} className="fill-slate-500 text-[10px]">
              {label(b.start)}
            </text>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-600">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block size-2 bg-slate-400" />
          Requests ({activity.requests})
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block size-2 bg-red-500" />
          Errors ({activity.errors})
        </span>
        <span>Times in UTC</span>
      </figcaption>
      <table className="sr-only">
        <caption>Requests and errors per {width} bucket</caption>
        <thead>
          <tr>
            <th scope="col">Bucket start (UTC)</th>
            <th scope="col">Requests</th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {buckets
            .filter((b) => b.requests > 0)
            .map((b) => (
              <tr key={b.start}>
                <td>{label(b.start)}</td>
                <td>{b.requests}</td>
                <td>{b.errors}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
