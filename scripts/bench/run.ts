import crypto from 'node:crypto';
import os from 'node:os';
import postgres from 'postgres';
import { ScimHttpClient } from '../shared/http-client';
import { runPool } from '../shared/pool';
import { Recorder, fmtInt } from '../shared/stats';
import type { BenchArgs } from './args';
import { pgliteTarget, postgresTarget } from '../shared/database';
import { memberIds, seedGroup, seedUsers } from '../shared/seed';
import { entraCycle } from './entra-cycle';
import { bareFloorOps, floorOps } from './floor';
import { createBenchOrg } from './orgs';
import { checkTargets, formatChecks, formatTable, formatWriteTable, writeJson } from './report';
import { rssSampler } from '../shared/rss';
import { runScenario, type BenchContext, type Row } from './scenario';
import { addMembers, addToBigGroup, addToMappedBigGroup, createGroup, getBigGroup } from './scenarios-groups';
import { createAndLookup, deleteUser, entraUser, listPages, patchUser } from './scenarios-users';
import { freePort } from '../shared/free-port';
import { buildIfNeeded, startServer, type RunningServer } from '../shared/server';
import { scale } from './sizes';

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** The whole benchmark; returns the exit code (1 when any request failed). */
export async function runBench(args: BenchArgs): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const { sizes, concurrency } = args;
  await buildIfNeeded(args.noBuild);
  const target = args.pglite ? await pgliteTarget() : await postgresTarget(args.databaseUrl);
  log(
    `database: ${target.kind === 'pglite' ? `PGlite in ${target.serverEnv.ROSTER_DATA_DIR}` : new URL(args.databaseUrl).host + new URL(args.databaseUrl).pathname} (fresh)`,
  );
  let server: RunningServer | undefined;
  let floorSql: postgres.Sql | undefined;
  const sampler = rssSampler(() => server?.pid);
  const recorder = new Recorder();
  let client: ScimHttpClient | undefined;
  try {
    // PGlite belongs to one process: everything the bench writes itself happens while the server is down.
    const { org, entraOrg, bulk } = await target.withDb(async (db) => {
      const org = await createBenchOrg(db, 'bench');
      const entraOrg = await createBenchOrg(db, 'bench-entra');
      await seedUsers(db, org.orgId, 'bulk', 1, sizes.small);
      return { org, entraOrg, bulk: await memberIds(db, org.orgId, 'bulk') };
    });
    const port = args.port ?? (await freePort());
    const env = { ...target.serverEnv, AUTH_SECRET: crypto.randomBytes(33).toString('base64'), AUTH_URL: `http://127.0.0.1:${port}` };
    const start = async () => {
      log(`starting the production server (npm start) on port ${port}…`);
      server = await startServer(port, env);
      client = new ScimHttpClient({
        baseUrl: `${server.url}/api/scim/v2`,
        token: org.token,
        userAgent: 'Microsoft Azure AD SCIM provisioning',
        timeoutMs: 30_000,
        maxSockets: concurrency,
        recorder,
      });
      return client;
    };
    const ctx: BenchContext = {
      client: await start(),
      floor: null,
      bare: null,
      sizes,
      concurrency,
      users: 1 + sizes.small,
      bulk,
      pool: { ids: [] },
      serverGroups: [],
      floorGroups: [],
      rssWindow: () => sampler.window(),
      serverPid: () => server?.pid,
      measurePostgresCpu: target.kind === 'postgres' && ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(args.databaseUrl).hostname),
    };
    if (target.url) {
      floorSql = postgres(target.url, { max: concurrency, onnotice: () => {} });
      ctx.floor = floorOps(floorSql, org.orgId, org.tokenId);
      ctx.bare = bareFloorOps(floorSql, org.orgId);
    }
    await warmUp(ctx);
    const rows: Row[] = [];
    const only = args.only;
    if (!only) for (const scenario of createAndLookup(ctx, sizes.small)) rows.push(await runScenario(ctx, scenario));

    if (target.kind === 'pglite') {
      ctx.client.close();
      await server?.stop();
      server = undefined;
    }
    log(`seeding ${fmtInt(sizes.large)} people, a group of all of them and ${fmtInt(sizes.bigAdd)} more…`);
    const large = await target.withDb(async (db) => {
      await seedUsers(db, org.orgId, 'bulk', sizes.small + 1, sizes.large);
      await seedUsers(db, org.orgId, 'pool', 1, sizes.bigAdd);
      const bigGroupId = await seedGroup(db, org.orgId, `Everyone (${scale(sizes.large)})`, 'bulk');
      return { bulk: await memberIds(db, org.orgId, 'bulk'), pool: await memberIds(db, org.orgId, 'pool'), bigGroupId };
    });
    Object.assign(ctx, large);
    ctx.users += sizes.large - sizes.small + sizes.bigAdd;
    if (!server) ctx.client = await start();
    // Mapping the big group turns its 100,000 members admin: done untimed, after the unmapped
    // PATCH and before the mapped one. Needs SQL beside the server: PostgreSQL only.
    const mappedEntry = async () => {
      await mapBigGroup(floorSql!, org.orgId, ctx.bigGroupId as string);
      return addToMappedBigGroup(ctx);
    };
    const scenarios = [
      ...createAndLookup(ctx, sizes.large),
      patchUser(ctx),
      createGroup(ctx),
      () => addMembers(ctx),
      () => addToBigGroup(ctx),
      ...(floorSql ? [mappedEntry] : []),
      () => getBigGroup(ctx),
      ...listPages(ctx),
      deleteUser(ctx),
    ];
    for (const entry of scenarios) {
      if (only && entry === mappedEntry && !only.includes('patch-add-big-mapped')) continue;
      const scenario = typeof entry === 'function' ? await entry() : entry;
      if (only && !only.includes(scenario.key)) continue;
      rows.push(await runScenario(ctx, scenario));
    }
    const entra = only ? undefined : await entraCycle(`${server!.url}/api/scim/v2`, entraOrg.token, ctx);
    if (entra) rows.push(entra.row);

    const checks = checkTargets(rows, sampler.peak, sizes);
    // Another process busy on the same cores skews every figure: the load average says so.
    const load = { atStart: loadAtStart, atEnd: os.loadavg()[0] ?? 0 };
    const heading = `Roster SCIM benchmark · ${sizes.label} · ${target.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} · ${os.cpus().length} cores · Node ${process.version} · concurrency ${concurrency} · load average ${load.atStart.toFixed(1)} → ${load.atEnd.toFixed(1)}`;
    console.log(
      `\n${heading}\n\n${formatTable(rows)}\n\n${formatWriteTable(rows)}\n\nserver RSS peak ${fmtInt(sampler.peak)} MB${target.kind === 'pglite' ? ' · no floor on PGlite (one process owns the database)' : ''}\n\n${formatChecks(checks)}`,
    );
    const file = writeJson({
      startedAt,
      finishedAt: new Date(),
      driver: target.kind,
      load,
      sizes,
      concurrency,
      node: process.version,
      cpus: os.cpus().length,
      rows,
      checks,
      peakRssMb: sampler.peak,
      entra: entra?.result,
    });
    console.log(`\nresults: ${file}`);
    return rows.some((r) => r.server.errors > 0) ? 1 : 0;
  } catch (error) {
    if (server) log(`server log (last lines):\n${server.logTail()}`);
    throw error;
  } finally {
    sampler.stop();
    client?.close();
    await server?.stop();
    await floorSql?.end({ timeout: 5 });
    await target.dispose();
  }
}

/** Maps the big group to admin as an owner would (lib/policy/set-role-mapping), roles included. */
async function mapBigGroup(sql: postgres.Sql, orgId: string, groupId: string): Promise<void> {
  await sql`insert into role_mappings (org_id, group_id, role) values (${orgId}, ${groupId}, 'admin')`;
  await sql`update members set role = 'admin' where org_id = ${orgId} and id in (select member_id from group_members where org_id = ${orgId} and group_id = ${groupId})`;
}

/** JIT, connection pools and caches warmed before the first measurement (not measured). */
async function warmUp(ctx: BenchContext): Promise<void> {
  const items = Array.from({ length: 200 }, (_, i) => i);
  await runPool(items, ctx.concurrency, async (i) => {
    if (i % 4 === 0) await ctx.client.send('warm.create', 'POST', '/Users', entraUser(`warm-${i}@bench.example`), [201]);
    else
      await ctx.client.send(
        'warm.lookup',
        'GET',
        `/Users?filter=${encodeURIComponent(`userName eq "${ctx.bulk.userNames[i % ctx.bulk.userNames.length]}"`)}`,
        undefined,
        [200],
      );
  });
  ctx.users += 50;
}
