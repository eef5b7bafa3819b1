import crypto from 'node:crypto';
import { createOrgWithOwner } from '@/lib/orgs/create-org-with-owner';
import { updateDirectoryPolicy } from '@/lib/policy/update-directory-policy';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { memberIds, postgresTarget, seedUsers } from './bench/database';
import { buildIfNeeded, freePort, startServer } from './bench/server';
import { Checks } from './faults/check';
import { databaseOutage } from './faults/outage';
import { killDuringPatch } from './faults/sigkill-patch';
import { twoInstances } from './faults/two-instances';

// npm run test:faults — the fault scenarios of ../shared issue "Trustworthy under load": a
// database outage mid-sync, SIGKILL mid-PATCH, and two instances on one PostgreSQL. It stops and
// starts the machine's PostgreSQL, so it runs alone (CI runs it after `npm test`).
const url = process.env.FAULTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roster_faults';
const checks = new Checks();
await buildIfNeeded(true);
const target = await postgresTarget(url);

async function org(label: string) {
  const password = crypto.randomBytes(18).toString('base64url');
  const slug = `faults-${label}-${Date.now().toString(36)}`;
  return target.withDb(async (db) => {
    const created = await createOrgWithOwner(db, { slug, orgName: slug, name: 'Owner', email: `owner@${slug}.example`, password });
    // The two-instance script suspends 6 and deletes 5 of 40 within seconds: the deprovisioning
    // guard (default 10 an hour here) would hold the 11th. These scenarios test outages, not it.
    await updateDirectoryPolicy(db, created.orgId, { guardEnabled: false }, { type: 'system', label: 'faults' });
    const token = await createScimToken(db, created.orgId, { name: label, scopes: ['scim:manage'] }, { type: 'system', label: 'faults' });
    return { orgId: created.orgId, slug, token: token.secret, ownerEmail: `owner@${slug}.example`, ownerPassword: password };
  });
}

const serverEnv = { ...target.serverEnv, AUTH_SECRET: crypto.randomBytes(33).toString('base64url'), SCIM_TOKEN_RATE_LIMIT_PER_MINUTE: '0' };
const outageOrg = await org('outage');
const [single, split] = [await org('single'), await org('split')];
const killOrg = await org('kill');
await target.withDb((db) => seedUsers(db, killOrg.orgId, 'kill', 1, 5000));
const killIds = (await target.withDb((db) => memberIds(db, killOrg.orgId, 'kill'))).ids;
await target.dispose();

const portA = await freePort();
const a = await startServer(portA, { ...serverEnv, AUTH_URL: `http://127.0.0.1:${portA}` });
try {
  await databaseOutage(checks, a, { url, ...outageOrg });
  const portB = await freePort();
  const b = await startServer(portB, { ...serverEnv, AUTH_URL: `http://127.0.0.1:${portB}` });
  try {
    await twoInstances(checks, a.url, b.url, single, split);
  } finally {
    await b.stop();
  }
} finally {
  await a.stop();
}

await killDuringPatch(
  checks,
  async () => {
    const port = await freePort();
    const server = await startServer(port, { ...serverEnv, AUTH_URL: `http://127.0.0.1:${port}` });
    return { url: server.url, kill: () => process.kill(-server.pid, 'SIGKILL') };
  },
  { url, ...killOrg, memberIds: killIds },
);
process.exit(checks.finish());
