import { simulate, type SimulationResult } from '../simulate/cycle';
import { progressReporter } from '../simulate/progress';
import { postgresCpuMs, serverCpuMs } from './cpu';
import type { BenchContext, Row } from './scenario';

/** The simulator's Entra cycle (probe, lookup + create per user, groups, PATCH Add batches) as one row. */
export async function entraCycle(url: string, token: string, ctx: BenchContext): Promise<{ row: Row; result: SimulationResult }> {
  const { sizes, concurrency } = ctx;
  const { users, groups, groupSize, maxSeconds } = sizes.entra;
  process.stderr.write(`bench: Entra cycle: ${users} users, ${groups} groups × ${groupSize} members…\n`);
  ctx.rssWindow();
  const pid = ctx.serverPid();
  const cpu0 = { server: pid ? serverCpuMs(pid) : 0, postgres: ctx.measurePostgresCpu ? postgresCpuMs() : 0 };
  const progress = progressReporter(process.stderr, 10_000);
  const result = await simulate({
    idp: 'entra',
    url,
    token,
    users,
    groups,
    groupSize,
    changes: 0,
    concurrency,
    timeoutMs: 30_000,
    maxSeconds,
    onProgress: progress.update,
  });
  progress.finish();
  if (result.errors) process.stderr.write(`bench:   ${result.errors} errors; first: ${result.samples[0]}\n`);
  const row: Row = {
    key: 'entra-cycle',
    name: `Entra cycle: ${users.toLocaleString('en-US')} users, ${groups} groups × ${groupSize}`,
    users: 0,
    concurrency,
    server: {
      ops: result.requests,
      errors: result.errors,
      durationMs: result.durationMs,
      rate: result.requestsPerSecond,
      latency: result.latency,
      capped: result.stoppedEarly !== null,
      ...(result.samples[0] ? { firstError: result.samples[0] } : {}),
    },
    floor: null,
    ratio: null,
    rssMb: ctx.rssWindow(),
    serverCpuMsPerOp: pid && result.requests ? (serverCpuMs(pid) - cpu0.server) / result.requests : null,
    postgresCpuMsPerOp: ctx.measurePostgresCpu && result.requests ? (postgresCpuMs() - cpu0.postgres) / result.requests : null,
  };
  return { row, result };
}
