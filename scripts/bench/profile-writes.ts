import inspector from 'node:inspector/promises';
import net from 'node:net';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { handleScimRequest } from '@/lib/scim/handler';
import { GROUP_SCHEMA, patch, ENTERPRISE } from '../shared/scim';
import { postgresTarget } from '../shared/database';
import { memberIds, seedUsers } from '../shared/seed';
import { createBenchOrg } from './orgs';
import { entraUser } from './scenarios-users';

/**
 * Where one SCIM write spends its time (issue 15), without HTTP: each write kind runs N times,
 * one at a time, through handleScimRequest on ONE postgres.js connection whose debug hook sees
 * every statement. Per request: wall ms, JavaScript CPU ms (process.cpuUsage: Roster, Drizzle
 * and the driver), statements, round trips (writes to PostgreSQL's socket), the statements themselves, and the functions with the most self time (V8's
 * sampling profiler through node:inspector). Run: npm run bench:profile [-- N]
 * (PROFILE_DATABASE_URL, default roster_bench_profile on 127.0.0.1, is dropped and created again).
 */
const N = Number(process.argv[2] ?? 300);
const url = process.env.PROFILE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roster_bench_profile';
const BASE = 'http://bench.example/api/scim/v2';

const target = await postgresTarget(url);
const seeded = await target.withDb(async (db) => {
  const org = await createBenchOrg(db, 'profile');
  // Enough people that N deletes stay under the deprovisioning guard's 20 % (lib/policy/deprovision-guard.ts).
  await seedUsers(db, org.orgId, 'bulk', 1, 6 * N + 100);
  return { org, bulk: await memberIds(db, org.orgId, 'bulk') };
});
await target.dispose();

let statements = 0;
let roundTrips = 0;
const texts = new Map<string, number>();
// A round trip is a write to PostgreSQL's socket that is then waited on: postgres.js gathers
// what one tick sends (pipelined statements) into one write, and an unprepared statement with
// parameters takes two (Parse/Describe, then Bind/Execute once the types are known).
const pgPort = Number(new URL(url).port || 5432);
// eslint-disable-next-line @typescript-eslint/unbound-method -- saved to be called with the socket as `this` (apply below)
const socketWrite: (this: net.Socket, ...a: unknown[]) => boolean = net.Socket.prototype.write as (this: net.Socket, ...a: unknown[]) => boolean;
net.Socket.prototype.write = function (this: net.Socket, ...args: unknown[]) {
  if (this.remotePort === pgPort) roundTrips++;
  return socketWrite.apply(this, args);
};
const client = postgres(url, {
  max: 1,
  onnotice: () => {},
  debug: (_connection, query) => {
    statements++;
    const text = query.replace(/\s+/g, ' ').trim().slice(0, 90);
    texts.set(text, (texts.get(text) ?? 0) + 1);
  },
});
const db = drizzle({ client, schema }) as unknown as Db;
const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await handleScimRequest(
    new Request(`${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${seeded.org.token}`,
        'content-type': 'application/scim+json',
        'user-agent': 'Microsoft Azure AD SCIM provisioning',
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { db, baseUrl: BASE },
  );
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
};

const session = new inspector.Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });

type Kind = { name: string; run: (i: number) => Promise<unknown> };
const ids = seeded.bulk.ids;
const entraReplace = (i: number) =>
  patch(
    { op: 'Replace', path: 'title', value: `Retail Manager ${i}` },
    { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Retail Ops' },
    { op: 'Replace', path: 'active', value: 'True' },
  );
const kinds: Kind[] = [
  { name: 'lookup userName eq', run: (i) => send('GET', `/Users?filter=${encodeURIComponent(`userName eq "${seeded.bulk.userNames[i]}"`)}`) },
  { name: 'create user', run: (i) => send('POST', '/Users', entraUser(`profile-${i}@bench.example`)) },
  { name: 'PATCH user (Entra Replace)', run: (i) => send('PATCH', `/Users/${ids[i]}`, entraReplace(i)) },
  { name: 'DELETE user', run: (i) => send('DELETE', `/Users/${ids[N + i]}`) },
  {
    name: 'create group',
    run: (i) => send('POST', '/Groups', { schemas: [GROUP_SCHEMA], externalId: `g-${i}`, displayName: `Profile group ${i}`, meta: { resourceType: 'Group' } }),
  },
];

// Warm the JIT and the token cache as a running server would be (lookups and a few creates).
for (let i = 0; i < 50; i++) await kinds[0]!.run(i);

for (const kind of kinds) {
  statements = 0;
  roundTrips = 0;
  texts.clear();
  await session.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await kind.run(i);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const { profile } = await session.post('Profiler.stop');
  const per = (v: number) => (v / N).toFixed(2);
  console.log(`\n## ${kind.name} (${N} requests, one at a time, no HTTP)`);
  console.log(
    `wall ${per(wall)} ms · JS CPU ${per((cpu.user + cpu.system) / 1000)} ms · ${per(statements)} statements · ${per(roundTrips)} round trips per request`,
  );
  for (const [text, count] of [...texts].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(count / N).toFixed(2)} × ${text}`);
  console.log('  self time (top 10):');
  for (const [fn, ms] of topSelfTime(profile, 10)) console.log(`    ${(ms / N).toFixed(3)} ms  ${fn}`);
}
session.disconnect();
await client.end();

/** Self time per function (file:line name), summed over the profile's samples, largest first. */
function topSelfTime(profile: inspector.Profiler.Profile, count: number): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perSample = totalMs / Math.max(1, profile.samples?.length ?? 1);
  const byFunction = new Map<string, number>();
  for (const [id, n] of hits) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const file = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(lib|db|scripts)\//, '$1/');
    const key = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + n * perSample);
  }
  return [...byFunction]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}
