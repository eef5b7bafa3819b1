import type { ScimHttpClient } from '../shared/http-client';
import { postgresCpuMs, serverCpuMs } from './cpu';
import type { BareFloorOps, FloorOps } from './floor';
import { measure, type Measurement } from './measure';
import type { Sizes } from './sizes';

/** What the scenarios share: the SCIM client, the floor, and the seeded data. */
export type BenchContext = {
  client: ScimHttpClient;
  /** Null on PGlite (one process owns the database: no floor beside the server). */
  floor: FloorOps | null;
  /** The bare one-statement floor of each write (floor.ts bareFloorOps); null on PGlite. */
  bare: BareFloorOps | null;
  sizes: Sizes;
  concurrency: number;
  /** Members of the org now (seeded, created, deleted), for the table's "users" column. */
  users: number;
  bulk: { ids: string[]; userNames: string[] };
  pool: { ids: string[] };
  bigGroupId?: string;
  /** Groups made by the "create group" scenario, filled by "PATCH +1,000 members". */
  serverGroups: string[];
  floorGroups: string[];
  rssWindow: () => number;
  /** The server's pid now (it changes when the server restarts). */
  serverPid: () => number | undefined;
  /** Whether PostgreSQL runs on this machine, so its CPU time can be read. */
  measurePostgresCpu: boolean;
};

export type Scenario = {
  key: string;
  name: string;
  ops: number;
  /** Defaults to the context's concurrency. */
  concurrency?: number;
  server: (i: number) => Promise<boolean>;
  serverAfter?: (i: number) => Promise<void>;
  floor?: (i: number) => Promise<unknown>;
  floorAfter?: (i: number) => Promise<void>;
  /** The write's bare floor (one autocommit statement), for the write table. */
  bare?: (i: number) => Promise<unknown>;
  /** Members added (+) or removed (−) per op, to keep the "users" column right. */
  usersPerOp?: number;
};

export type Row = {
  key: string;
  name: string;
  users: number;
  concurrency: number;
  server: Measurement;
  floor: Measurement | null;
  /** Server rate over floor rate. */
  ratio: number | null;
  /** The bare one-statement floor (writes only), and the server's rate over its rate. */
  bare?: Measurement | null;
  bareRatio?: number | null;
  rssMb: number;
  /** CPU per server op: the server's process tree, and PostgreSQL (null when not measured). */
  serverCpuMsPerOp: number | null;
  postgresCpuMsPerOp: number | null;
};

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Measures the server, then the floor right after it, with the same op count and concurrency. */
export async function runScenario(ctx: BenchContext, scenario: Scenario): Promise<Row> {
  const concurrency = scenario.concurrency ?? ctx.concurrency;
  const users = ctx.users;
  log(`${scenario.name}: ${scenario.ops} ops at concurrency ${concurrency}…`);
  ctx.rssWindow();
  const pid = ctx.serverPid();
  const cpu0 = { server: pid ? serverCpuMs(pid) : 0, postgres: ctx.measurePostgresCpu ? postgresCpuMs() : 0 };
  const server = await measure({ ops: scenario.ops, concurrency, timeCapMs: ctx.sizes.capMs, run: scenario.server, after: scenario.serverAfter });
  const rssMb = ctx.rssWindow();
  // With an untimed `after` step the CPU includes it: not reported for those scenarios.
  const perOp = (ms: number) => (scenario.serverAfter || server.ops === 0 ? null : ms / server.ops);
  const serverCpuMsPerOp = pid ? perOp(serverCpuMs(pid) - cpu0.server) : null;
  const postgresCpuMsPerOp = ctx.measurePostgresCpu ? perOp(postgresCpuMs() - cpu0.postgres) : null;
  ctx.users += (scenario.usersPerOp ?? 0) * server.ops;
  let floor: Measurement | null = null;
  if (ctx.floor && scenario.floor) {
    const run = scenario.floor;
    floor = await measure({ ops: scenario.ops, concurrency, timeCapMs: ctx.sizes.capMs, run: async (i) => void (await run(i)), after: scenario.floorAfter });
    ctx.users += (scenario.usersPerOp ?? 0) * floor.ops;
  }
  let bare: Measurement | null = null;
  if (ctx.bare && scenario.bare) {
    const run = scenario.bare;
    bare = await measure({ ops: scenario.ops, concurrency, timeCapMs: ctx.sizes.capMs, run: async (i) => void (await run(i)) });
    ctx.users += (scenario.usersPerOp ?? 0) * bare.ops;
  }
  if (server.errors) log(`  ${server.errors} errors; first: ${server.firstError}`);
  return {
    key: scenario.key,
    name: scenario.name,
    users,
    concurrency,
    server,
    floor,
    ratio: floor ? server.rate / floor.rate : null,
    bare,
    bareRatio: bare ? server.rate / bare.rate : null,
    rssMb,
    serverCpuMsPerOp,
    postgresCpuMsPerOp,
  };
}
