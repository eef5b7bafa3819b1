import { buildDirectory, planChanges, type Directory, type SimGroup } from './directory';
import { DIALECTS, type Dialect, type IdpName } from './dialects';
import { ScimHttpClient } from '../shared/http-client';
import { chunk, runPool } from '../shared/pool';
import { Recorder, summarize, type LatencySummary } from '../shared/stats';

export type SimulateOptions = {
  idp: IdpName;
  url: string;
  token: string;
  users: number;
  groups: number;
  groupSize: number;
  changes: number;
  concurrency: number;
  /** Members per membership request; the dialect's own default when unset. */
  batchSize?: number;
  timeoutMs: number;
  /** The whole run stops (no new requests) after this long. */
  maxSeconds: number;
  runId?: string;
  onProgress?: (progress: Progress) => void;
};

export type Progress = { phase: string; done: number; total: number; requests: number; errors: number; elapsedMs: number };

export type SimulationResult = {
  idp: IdpName;
  label: string;
  runId: string;
  requests: number;
  errors: number;
  errorsByStatus: Record<string, number>;
  durationMs: number;
  requestsPerSecond: number;
  /** Why the run ended before its last step, or null. */
  stoppedEarly: string | null;
  phases: { name: string; ms: number; requests: number }[];
  byKind: Record<string, LatencySummary>;
  /** Every request's latency, whatever its kind. */
  latency: LatencySummary;
  /** The first few failures (method, path, status, SCIM detail). */
  samples: string[];
  /** What Roster should now hold for this run, as far as the IdP knows. */
  expected: { users: number; active: number; suspended: number; groups: number; memberships: number };
};

/**
 * One provisioning cycle in an IdP's dialect: Test Connection, each user looked up then
 * created, groups created, membership in batches (each group's batches in order, groups in
 * parallel), then the incremental changes. Bounded by request timeouts and `maxSeconds`.
 */
export async function simulate(options: SimulateOptions): Promise<SimulationResult> {
  const dialect: Dialect = DIALECTS[options.idp];
  const directory = buildDirectory({ users: options.users, groups: options.groups, groupSize: options.groupSize, runId: options.runId });
  const batchSize = options.batchSize ?? dialect.facts.memberBatch;
  const recorder = new Recorder();
  const client = new ScimHttpClient({
    baseUrl: options.url,
    token: options.token,
    userAgent: dialect.facts.userAgent,
    timeoutMs: options.timeoutMs,
    maxSockets: options.concurrency,
    recorder,
  });
  const changes = planChanges(directory, options.changes);
  const batches = Math.ceil(options.groupSize / batchSize) * options.groups;
  const total = 1 + options.users + options.groups + batches + changes.length;
  const started = performance.now();
  const abort = new AbortController();
  let stoppedEarly: string | null = null;
  const stop = (reason: string) => {
    stoppedEarly ??= reason;
    abort.abort();
  };
  const timer = setTimeout(() => stop(`time limit of ${options.maxSeconds} s reached`), options.maxSeconds * 1000);
  let done = 0;
  let phase = 'connection test';
  const report = () =>
    options.onProgress?.({ phase, done, total, requests: recorder.requests, errors: recorder.errors, elapsedMs: performance.now() - started });
  const step = () => {
    done++;
    // Most requests failing means the server is down or refusing us: stop rather than hammer it.
    if (recorder.errors > 200 && recorder.errors > recorder.requests / 2) stop('most requests are failing');
    report();
  };
  const phases: SimulationResult['phases'] = [];
  const runPhase = async (name: string, work: () => Promise<void>) => {
    if (abort.signal.aborted) return;
    phase = name;
    const [t0, r0] = [performance.now(), recorder.requests];
    await work();
    phases.push({ name, ms: performance.now() - t0, requests: recorder.requests - r0 });
  };
  try {
    await runPhase('connection test', async () => {
      const ok = await dialect.probe(client, directory);
      step();
      if (!ok) stop(`the connection test failed (${recorder.samples[0] ?? 'unexpected answer'})`);
    });
    const { users, groups } = directory;
    await runPhase('users', () =>
      runPool(
        users,
        options.concurrency,
        async (user) => {
          await dialect.provisionUser(client, user, directory);
          step();
        },
        abort.signal,
      ),
    );
    await runPhase('groups', () =>
      runPool(
        groups,
        options.concurrency,
        async (group) => {
          await dialect.provisionGroup(client, group, directory);
          step();
        },
        abort.signal,
      ),
    );
    const sent = new Map<SimGroup, Set<string>>();
    await runPhase('memberships', () =>
      runPool(
        groups,
        options.concurrency,
        async (group) => {
          const ids = group.memberIndexes.map((i) => users[i]?.id).filter((id): id is string => Boolean(id));
          const set = new Set<string>();
          sent.set(group, set);
          for (const batch of chunk(ids, batchSize)) {
            if (abort.signal.aborted || !group.id) break;
            if (await dialect.addMembers(client, group, batch)) batch.forEach((id) => set.add(id));
            step();
          }
        },
        abort.signal,
      ),
    );
    await runPhase('changes', () =>
      runPool(
        changes,
        options.concurrency,
        async ({ kind, user }) => {
          if (user.id) await (kind === 'update' ? dialect.update : kind === 'deactivate' ? dialect.deactivate : dialect.remove)(client, user, directory);
          step();
        },
        abort.signal,
      ),
    );
    return result(options, dialect, directory, recorder, performance.now() - started, stoppedEarly, phases, sent);
  } finally {
    clearTimeout(timer);
    client.close();
    report();
  }
}

function result(
  options: SimulateOptions,
  dialect: Dialect,
  dir: Directory,
  recorder: Recorder,
  durationMs: number,
  stoppedEarly: string | null,
  phases: SimulationResult['phases'],
  sent: Map<SimGroup, Set<string>>,
): SimulationResult {
  const present = dir.users.filter((u) => u.id && u.state !== 'deleted');
  const deleted = new Set(dir.users.filter((u) => u.state === 'deleted').map((u) => u.id));
  const memberships = [...sent.values()].reduce((n, set) => n + [...set].filter((id) => !deleted.has(id)).length, 0);
  const byKind = Object.fromEntries([...recorder.latencies].sort(([a], [b]) => a.localeCompare(b)).map(([kind, list]) => [kind, summarize(list)]));
  return {
    idp: options.idp,
    label: dialect.facts.label,
    runId: dir.runId,
    requests: recorder.requests,
    errors: recorder.errors,
    errorsByStatus: recorder.errorsByOutcome(),
    durationMs,
    requestsPerSecond: recorder.requests / Math.max(durationMs / 1000, 0.001),
    stoppedEarly,
    phases,
    byKind,
    latency: summarize([...recorder.latencies.values()].flat()),
    samples: recorder.samples,
    expected: {
      users: present.length,
      active: present.filter((u) => u.state === 'active').length,
      suspended: present.filter((u) => u.state === 'suspended').length,
      groups: dir.groups.filter((g) => g.id).length,
      memberships,
    },
  };
}
