import { expect, test } from '@playwright/test';
import { simulate } from '../scripts/simulate/cycle';
import { signUp, uniqueOrg } from './fixtures/accounts';
import { createTokenInUi } from './fixtures/tokens';

const USERS = 1000;
const MAX_GAP_MS = 2000;

/** The people count the page shows ("1,001 people in Acme"), read in the browser every 100 ms. */
function startRecording() {
  const samples: { t: number; count: number }[] = [];
  const read = () => {
    for (const p of document.querySelectorAll('p')) {
      const match = /^([\d,]+) (?:person|people) (?:in|match)\b/.exec(p.textContent ?? '');
      if (match?.[1]) return Number(match[1].replace(/,/g, ''));
    }
    return -1;
  };
  const tick = () => {
    const count = read();
    if (samples.at(-1)?.count !== count) samples.push({ t: Date.now(), count });
  };
  tick();
  Object.assign(window, { __teamSamples: samples, __teamTimer: setInterval(tick, 100) });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

test('the team page visibly progresses at least every 2 s through a 1,000-user Entra cycle, and ends right', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const org = uniqueOrg('burst');
  await signUp(page, org);
  const token = await createTokenInUi(page, org.slug, 'Entra');
  await page.goto(`/orgs/${org.slug}/team`);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-live', 'true');
  await expect(page.getByText(/^1 person in /)).toBeVisible();
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  await page.evaluate(startRecording);

  // Entra's dialect: the connection test, then each user looked up by userName and created,
  // eight at a time (the simulator's provisioning worker), as `npm run simulate` plays it.
  let screenshotTaken = false;
  const burstStart = Date.now();
  const result = await simulate({
    idp: 'entra',
    url: `${baseURL}/api/scim/v2`,
    token,
    users: USERS,
    groups: 0,
    groupSize: 0,
    changes: 0,
    concurrency: 8,
    timeoutMs: 30_000,
    maxSeconds: 240,
    onProgress: ({ done }) => {
      if (!screenshotTaken && done >= USERS / 2) {
        screenshotTaken = true;
        void page.screenshot({ path: 'test-results/screenshots/team-mid-burst.png' }).catch(() => {});
      }
    },
  });
  const burstEnd = Date.now();
  expect(result.errors, result.samples.join('\n')).toBe(0);
  expect(result.expected.users).toBe(USERS);

  // The last refresh lands after the last create: the page must end on the full count.
  await expect(page.getByText(/^1,?001 people in /)).toBeVisible({ timeout: 10_000 });
  const samples = await page.evaluate(() => {
    const w = window as unknown as { __teamSamples: { t: number; count: number }[]; __teamTimer: number };
    clearInterval(w.__teamTimer);
    return w.__teamSamples;
  });
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // Gaps between visible changes while the burst ran, counting its start and its end as edges.
  const changes = samples.filter((s) => s.t > burstStart && s.t <= burstEnd).map((s) => s.t);
  const edges = [burstStart, ...changes, burstEnd];
  const gaps = edges.slice(1).map((t, i) => t - (edges[i] as number));
  const counts = samples.map((s) => s.count);
  const seconds = ((burstEnd - burstStart) / 1000).toFixed(1);
  console.log(`burst: ${result.requests} requests in ${seconds} s (${result.requestsPerSecond.toFixed(0)}/s); ${changes.length} visible changes during it`);
  console.log(`gaps between visible changes (ms): max ${Math.max(...gaps)}, p95 ${percentile(gaps, 95)}, p50 ${percentile(gaps, 50)}`);
  console.log(`counts seen: ${counts.slice(0, 12).join(' → ')}${counts.length > 12 ? ` … ${counts.slice(-4).join(' → ')}` : ''}`);
  expect(Math.max(...gaps), `the page went ${Math.max(...gaps)} ms without visible progress`).toBeLessThanOrEqual(MAX_GAP_MS);
});
