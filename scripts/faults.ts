import crypto from 'node:crypto';
import { Checks } from './faults/check';
import { databaseOutage } from './faults/outage';
import { startThrowawayPostgres } from './faults/postgres-control';
import { killDuringPatch } from './faults/sigkill-patch';
import { livePagesByPolling, twoInstances } from './faults/two-instances';
import { fail, parseFlags } from './shared/cli-args';
import { postgresTarget, type Target } from './shared/database';
import { createScriptOrg } from './shared/org';
import { memberIds, seedUsers } from './shared/seed';
import { buildIfNeeded, startInstance, type RunningServer } from './shared/server';

// npm run test:faults [-- --only outage|two-instances|sigkill] — the fault scenarios of issue
// "Trustworthy under load": a database outage mid-sync, SIGKILL mid-PATCH, and two instances on
// one PostgreSQL (directly, and behind PgBouncer in transaction mode when one is there, issue 17).
// The outage stops and starts a throwaway PostgreSQL cluster of its own (port FAULTS_PG_PORT,
// default 3151), never the machine's shared server.
const SCENARIOS = ['outage', 'two-instances', 'sigkill'] as const;
const flags = parseFlags({ only: { type: 'string' } });
if (flags.only && !(SCENARIOS as readonly string[]).includes(flags.only)) fail(`--only: one of ${SCENARIOS.join(', ')}`);
const runs = (scenario: (typeof SCENARIOS)[number]) => !flags.only || flags.only === scenario;

const url = process.env.FAULTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roster_faults';
/** The same database through a transaction-mode pooler: FAULTS_POOLER_URL, or TEST_POOLER_URL's pooler (.ci/run). */
const pooledUrl = (() => {
  if (process.env.FAULTS_POOLER_URL) return process.env.FAULTS_POOLER_URL;
  if (!process.env.TEST_POOLER_URL) return undefined;
  const pooled = new URL(process.env.TEST_POOLER_URL);
  pooled.pathname = new URL(url).pathname;
  return pooled.toString();
})();
const checks = new Checks();
await buildIfNeeded(true);

/**
 * The two-instance script suspends 6 and deletes 5 of 40 within seconds: the deprovisioning
 * guard (default 10 an hour here) would hold the 11th. These scenarios test outages, not it.
 */
async function org(target: Target, label: string) {
  const slug = `faults-${label}-${Date.now().toString(36)}`;
  return target.withDb((db) =>
    createScriptOrg(db, {
      slug,
      orgName: slug,
      ownerGivenName: 'Fault',
      ownerEmail: `owner@${slug}.example`,
      tokenName: label,
      actorLabel: 'faults',
      guardOff: true,
    }),
  );
}

/** Every instance shares one AUTH_SECRET, as the instances of one deployment do. */
const baseEnv = { AUTH_SECRET: crypto.randomBytes(33).toString('base64url'), SCIM_TOKEN_RATE_LIMIT_PER_MINUTE: '0' };

/** A production server on a free port, on the shared database unless `env` says otherwise. */
function instance(env: Record<string, string> = {}): Promise<RunningServer> {
  return startInstance({ ...baseEnv, DATABASE_URL: url, ...env });
}

async function using(servers: (() => Promise<RunningServer>)[], work: (started: RunningServer[]) => Promise<void>): Promise<void> {
  const started: RunningServer[] = [];
  try {
    for (const start of servers) started.push(await start());
    await work(started);
  } finally {
    for (const server of started) await server.stop();
  }
}

if (runs('outage')) {
  const pg = startThrowawayPostgres(Number(process.env.FAULTS_PG_PORT ?? 3151));
  try {
    const target = await postgresTarget(pg.url);
    const outageOrg = await org(target, 'outage');
    await target.dispose();
    await using([() => instance({ DATABASE_URL: pg.url })], ([server]) => databaseOutage(checks, server!, pg, { url: pg.url, ...outageOrg }));
  } finally {
    pg.dispose();
  }
}

if (runs('two-instances') || runs('sigkill')) {
  const target = await postgresTarget(url);
  const [single, split] = runs('two-instances') ? [await org(target, 'single'), await org(target, 'split')] : [];
  const pooledOrgs =
    runs('two-instances') && pooledUrl ? [await org(target, 'pooled-single'), await org(target, 'pooled-split'), await org(target, 'polled')] : [];
  const killOrg = runs('sigkill') ? await org(target, 'kill') : undefined;
  if (killOrg) await target.withDb((db) => seedUsers(db, killOrg.orgId, 'kill', 1, 5000));
  const killIds = killOrg ? (await target.withDb((db) => memberIds(db, killOrg.orgId, 'kill'))).ids : [];
  await target.dispose();

  if (single && split) {
    await using([() => instance(), () => instance()], ([a, b]) => twoInstances(checks, a!.url, b!.url, single, split));
  }

  const [pooledSingle, pooledSplit, polled] = pooledOrgs;
  if (pooledUrl && pooledSingle && pooledSplit && polled) {
    // Both instances behind the pooler, LISTEN on the direct URL; a third with DATABASE_URL alone.
    const pooled = { DATABASE_URL: pooledUrl, DATABASE_POOLER: 'transaction', DATABASE_DIRECT_URL: url };
    const unannounced = { DATABASE_URL: pooledUrl, DATABASE_POOLER: '', DATABASE_DIRECT_URL: '' };
    await using([() => instance(pooled), () => instance(pooled), () => instance(unannounced)], async ([a, b, c]) => {
      await twoInstances(checks, a!.url, b!.url, pooledSingle, pooledSplit, ' (both behind PgBouncer in transaction mode)');
      await livePagesByPolling(checks, a!.url, c!, polled, pooledSingle);
    });
  } else if (runs('two-instances')) {
    console.log('skip two instances behind a transaction pooler: set TEST_POOLER_URL or FAULTS_POOLER_URL (.ci/run starts PgBouncer)');
  }

  if (killOrg) {
    await killDuringPatch(
      checks,
      async () => {
        const server = await instance();
        return { url: server.url, kill: () => process.kill(-server.pid, 'SIGKILL') };
      },
      { url, ...killOrg, memberIds: killIds },
    );
  }
}
process.exit(checks.finish());
