import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { createOrgWithOwner } from '@/lib/orgs/create-org-with-owner';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { memberIds, postgresTarget, seedUsers, type Target } from './bench/database';
import { buildIfNeeded, freePort, startServer } from './bench/server';
import { Checks } from './faults/check';
import { databaseOutage } from './faults/outage';
import { startThrowawayPostgres } from './faults/postgres-control';
import { killDuringPatch } from './faults/sigkill-patch';
import { twoInstances } from './faults/two-instances';

// npm run test:faults [-- --only outage|two-instances|sigkill] — the fault scenarios of issue
// "Trustworthy under load": a database outage mid-sync, SIGKILL mid-PATCH, and two instances on
// one PostgreSQL. The outage stops and starts a throwaway PostgreSQL cluster of its own (port
// FAULTS_PG_PORT, default 3151), never the machine's shared server.
const SCENARIOS = ['outage', 'two-instances', 'sigkill'] as const;
const { values: flags } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
const only = flags.only;
if (only !== undefined && !(SCENARIOS as readonly string[]).includes(only)) {
  console.error(`error: --only takes one of ${SCENARIOS.join(', ')}`);
  process.exit(1);
}
const runs = (name: (typeof SCENARIOS)[number]) => only === undefined || only === name;

const url = process.env.FAULTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roster_faults';
const checks = new Checks();
await buildIfNeeded(true);

async function org(target: Target, label: string) {
  const password = crypto.randomBytes(18).toString('base64url');
  const slug = `faults-${label}-${Date.now().toString(36)}`;
  return target.withDb(async (db) => {
    const created = await createOrgWithOwner(db, { slug, orgName: slug, givenName: 'Fault', familyName: 'Owner', email: `owner@${slug}.example`, password });
    const token = await createScimToken(db, created.orgId, { name: label, scopes: ['scim:manage'] }, { type: 'system', label: 'faults' });
    return { orgId: created.orgId, slug, token: token.secret, ownerEmail: `owner@${slug}.example`, ownerPassword: password };
  });
}

const baseEnv = { AUTH_SECRET: crypto.randomBytes(33).toString('base64url'), SCIM_TOKEN_RATE_LIMIT_PER_MINUTE: '0' };
const serve = async (databaseUrl: string) => {
  const port = await freePort();
  return startServer(port, { ...baseEnv, DATABASE_URL: databaseUrl, AUTH_URL: `http://127.0.0.1:${port}` });
};

if (runs('outage')) {
  const pg = startThrowawayPostgres(Number(process.env.FAULTS_PG_PORT ?? 3151));
  try {
    const target = await postgresTarget(pg.url);
    const outageOrg = await org(target, 'outage');
    await target.dispose();
    const server = await serve(pg.url);
    try {
      await databaseOutage(checks, server, pg, { url: pg.url, ...outageOrg });
    } finally {
      await server.stop();
    }
  } finally {
    pg.dispose();
  }
}

if (runs('two-instances') || runs('sigkill')) {
  const target = await postgresTarget(url);
  const [single, split] = [await org(target, 'single'), await org(target, 'split')];
  const killOrg = await org(target, 'kill');
  await target.withDb((db) => seedUsers(db, killOrg.orgId, 'kill', 1, 5000));
  const killIds = (await target.withDb((db) => memberIds(db, killOrg.orgId, 'kill'))).ids;
  await target.dispose();

  if (runs('two-instances')) {
    const [a, b] = [await serve(url), await serve(url)];
    try {
      await twoInstances(checks, a.url, b.url, single, split);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }
  if (runs('sigkill')) {
    await killDuringPatch(
      checks,
      async () => {
        const server = await serve(url);
        return { url: server.url, kill: () => process.kill(-server.pid, 'SIGKILL') };
      },
      { url, ...killOrg, memberIds: killIds },
    );
  }
}
process.exit(checks.finish());
