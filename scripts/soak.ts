import { parseArgs } from 'node:util';
import { fail } from './shared/cli-args';
import { postgresTarget } from './shared/database';
import { createScriptOrg } from './shared/org';
import { treeRssMb } from './shared/rss';
import { groupBody, patch, userBody } from './shared/scim';
import { scimFetch } from './shared/scim-fetch';
import { buildIfNeeded, startInstance } from './shared/server';
import { percentile } from './shared/stats';

// npm run soak -- --minutes N [--concurrency C]: mixed SCIM traffic against a production build
// on PostgreSQL for N minutes; prints errors, latency and server RSS per minute, so memory that
// grows without bound or latency that drifts shows up.
const { values } = parseArgs({ options: { minutes: { type: 'string' }, concurrency: { type: 'string' } }, strict: true });
const minutes = Number(values.minutes ?? 10);
const concurrency = Number(values.concurrency ?? 16);
if (!(minutes > 0 && minutes <= 240) || !(concurrency >= 1 && concurrency <= 256)) fail('--minutes 1..240, --concurrency 1..256');

const url = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roster_soak';
await buildIfNeeded(true);
const target = await postgresTarget(url);
const slug = `soak-${Date.now().toString(36)}`;
// The soak's steady 5 % of deletes and 1-in-7 suspends would be held by the deprovisioning
// guard (a 503 per held request) within a minute: it measures throughput, so the guard is off.
const { token } = await target.withDb((db) =>
  createScriptOrg(db, {
    slug,
    orgName: slug,
    ownerGivenName: 'Soak',
    ownerEmail: `owner@${slug}.example`,
    tokenName: 'soak',
    actorLabel: 'soak',
    guardOff: true,
  }),
);
await target.dispose();
const server = await startInstance(target.serverEnv);

const ids: string[] = [];
let n = 0;
let groupId = '';
/** One request of the mix: creates, lookups, Entra-style PATCHes, group membership, deletes, lists. */
async function one(): Promise<number | string> {
  const pick = Math.random();
  const i = n++;
  if (pick < 0.3 || ids.length < 50) {
    const r = await scimFetch(server.url, token, 'POST', '/Users', userBody(`soak-${i}@example.test`));
    if (r.json?.id) ids.push(String(r.json.id));
    return r.status;
  }
  const id = ids[Math.floor(Math.random() * ids.length)] ?? '';
  if (pick < 0.55)
    return (
      await scimFetch(server.url, token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "soak-${Math.floor(Math.random() * i)}@example.test"`)}`)
    ).status;
  if (pick < 0.75)
    return (
      await scimFetch(
        server.url,
        token,
        'PATCH',
        `/Users/${id}`,
        patch({ op: 'Replace', path: 'title', value: `T${i}` }, { op: 'Replace', path: 'active', value: i % 7 ? 'True' : 'False' }),
      )
    ).status;
  if (pick < 0.88)
    return (await scimFetch(server.url, token, 'PATCH', `/Groups/${groupId}`, patch({ op: 'Add', path: 'members', value: [{ value: id }] }))).status;
  if (pick < 0.95) return (await scimFetch(server.url, token, 'GET', `/Users?startIndex=${1 + Math.floor(Math.random() * 500)}&count=50`)).status;
  ids.splice(ids.indexOf(id), 1);
  return (await scimFetch(server.url, token, 'DELETE', `/Users/${id}`)).status;
}

try {
  groupId = String((await scimFetch(server.url, token, 'POST', '/Groups', groupBody('Soak'))).json?.id);
  const end = Date.now() + minutes * 60_000;
  let minute: { latencies: number[]; errors: number } = { latencies: [], errors: 0 };
  const rows: string[] = [];
  const report = setInterval(() => {
    const sorted = minute.latencies.sort((a, b) => a - b);
    const row = `minute ${rows.length + 1}: ${sorted.length} requests, ${minute.errors} errors, p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, server RSS ${treeRssMb(server.pid).toFixed(0)} MB`;
    rows.push(row);
    console.log(row);
    minute = { latencies: [], errors: 0 };
  }, 60_000);
  let total = 0;
  let errors = 0;
  const errorKinds = new Map<string, number>();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const status = await one();
        minute.latencies.push(performance.now() - started);
        total++;
        if (typeof status !== 'number' || status >= 500 || status === 429) {
          minute.errors++;
          errors++;
          errorKinds.set(String(status), (errorKinds.get(String(status)) ?? 0) + 1);
        }
      }
    }),
  );
  clearInterval(report);
  const kinds = [...errorKinds].map(([kind, count]) => `${kind}×${count}`).join(', ');
  console.log(
    `soak: ${total} requests in ${minutes} min at concurrency ${concurrency}, ${errors} errors (5xx, 429, timeouts)${kinds ? `: ${kinds}` : ''}, final server RSS ${treeRssMb(server.pid).toFixed(0)} MB`,
  );
  if (errors > 0) console.log(`server log tail:\n${server.logTail()}`);
  process.exitCode = errors === 0 ? 0 : 1;
} finally {
  await server.stop();
}
