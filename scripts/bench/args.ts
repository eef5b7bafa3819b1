import { parseArgs } from 'node:util';
import { FULL, QUICK, type Sizes } from './sizes';

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/roster_bench';

export const HELP = `npm run bench [-- options]

Builds Roster, starts it in production mode (npm start) on a fresh database, and measures
each SCIM scenario of issue 5 at concurrency 8 against a floor measured right beside it:
postgres.js doing the same writes and reads directly. Prints a table (rate, p50/p95/p99,
ratio to the floor, server RSS) and the targets met or missed, and writes the results to
bench-results/<timestamp>.json. A full run takes about 5–10 minutes.

Options:
  --quick            a small run (1,000 and 5,000 users, a few hundred ops per scenario)
  --no-build         reuse the existing production build in .next when there is one
  --pglite           run the server on embedded PGlite in a temporary directory (no floor)
  --large <N>        people in the second phase (default 100,000; 5,000 with --quick)
  --concurrency <C>  requests in flight (default 8)
  --port <P>         the server's port (default: any free port)
  --only <keys>      run only these second-phase scenarios (comma-separated keys, e.g.
                     patch-add-big,patch-add-big-mapped); the first phase and the Entra
                     cycle are skipped
  -h, --help         show this help

Environment:
  BENCH_DATABASE_URL  the PostgreSQL database to use; it is DROPPED and created again
                      (default: roster_bench on TEST_DATABASE_URL's server when that is
                      set, else ${DEFAULT_BENCH_URL})
  Any other variable (e.g. SCIM_TOKEN_RATE_LIMIT_PER_MINUTE) is passed on to the server.

npm run bench:smoke is npm run bench -- --quick --no-build (the CI smoke run).
`;

export type BenchArgs = {
  help: boolean;
  noBuild: boolean;
  pglite: boolean;
  sizes: Sizes;
  concurrency: number;
  databaseUrl: string;
  only?: string[];
  port?: number;
};

/** CI provides TEST_DATABASE_URL: the bench uses its own database, roster_bench, on that server. */
function siblingDatabase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const sibling = new URL(url);
  sibling.pathname = '/roster_bench';
  return sibling.toString();
}

export function parseBenchArgs(argv: string[], env: Record<string, string | undefined> = process.env): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      pglite: { type: 'boolean' },
      large: { type: 'string' },
      concurrency: { type: 'string' },
      only: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const sizes = { ...(values.quick ? QUICK : FULL) };
  // PGlite serves about half PostgreSQL's rate: give its 10,000-user cycle the time to finish.
  if (values.pglite) sizes.entra = { ...sizes.entra, maxSeconds: sizes.entra.maxSeconds * 2 };
  if (values.large !== undefined) {
    const large = Number(values.large);
    if (!/^\d+$/.test(values.large) || large < 2 * sizes.small || large > 1_000_000) {
      throw new Error(`--large must be a whole number from ${2 * sizes.small} to 1000000 (got "${values.large}")`);
    }
    sizes.large = large;
  }
  const concurrency = Number(values.concurrency ?? 8);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new Error(`--concurrency must be from 1 to 64 (got "${values.concurrency}")`);
  return {
    help: Boolean(values.help),
    noBuild: Boolean(values['no-build']),
    pglite: Boolean(values.pglite),
    sizes,
    concurrency,
    ...(values.port !== undefined ? { port: parsePort(values.port) } : {}),
    ...(values.only
      ? {
          only: values.only
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
        }
      : {}),
    databaseUrl: env.BENCH_DATABASE_URL || siblingDatabase(env.TEST_DATABASE_URL) || DEFAULT_BENCH_URL,
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new Error(`--port must be from 1 to 65535 (got "${value}")`);
  return port;
}
