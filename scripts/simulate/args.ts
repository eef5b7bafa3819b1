import { parseArgs } from 'node:util';
import { IDPS, type IdpName } from './dialects';
import type { SimulateOptions } from './cycle';

export const HELP = `npm run simulate -- --idp <idp> --url <scim base url> --token <token> [options]

Plays an identity provider's provisioning cycle against a Roster SCIM endpoint, in that IdP's
own dialect: its connection test, a lookup then a create for each user, groups, membership in
batches, then incremental changes (updates, deactivations, deletions). Shows progress on stderr
and ends with a summary; exits 1 if any request failed.

Required:
  --idp <name>          entra | okta | onelogin | jumpcloud
  --url <url>           the SCIM base URL, e.g. http://localhost:3000/api/scim/v2
  --token <token>       a SCIM token with the scim:manage scope (or set SCIM_TOKEN);
                        create one with: npm run token:create -- --org <slug> --name Simulator

Options:
  --users <N>           people to provision (default 100)
  --groups <G>          groups to create (default 5)
  --group-size <M>      members per group, at most --users (default 20, or --users if fewer)
  --changes <K>         incremental changes after the initial cycle, at most --users
                        (default a tenth of --users): 3 updates for each deactivation and deletion
  --concurrency <C>     requests in flight (default 8)
  --batch-size <B>      members per membership request (default: the IdP's, 50 for Entra, 100 otherwise)
  --timeout <seconds>   per request (default 30)
  --max-seconds <s>     stop the run after this long (default 600)
  --json                print the result as JSON on stdout
  -h, --help            show this help

Every person and group is named after a random run id, so runs never collide. Okta never
deletes users (it deactivates them), so its deletions are deactivations.

Example:
  npm run simulate -- --idp entra --url http://localhost:3000/api/scim/v2 --token rst_… --users 500 --groups 10 --group-size 50
`;

export class UsageError extends Error {}

const OPTIONS = {
  idp: { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
  users: { type: 'string' },
  groups: { type: 'string' },
  'group-size': { type: 'string' },
  changes: { type: 'string' },
  concurrency: { type: 'string' },
  'batch-size': { type: 'string' },
  timeout: { type: 'string' },
  'max-seconds': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function integer(flags: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(String(raw)) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got "${String(raw)}")`);
  }
  return value;
}

export type CliOptions = { help: true } | { help: false; json: boolean; options: SimulateOptions };

/** Parses argv strictly: an unknown flag, a missing value or an out-of-range number is a UsageError. */
export function parseCli(argv: string[], env: Record<string, string | undefined> = process.env): CliOptions {
  let flags: Record<string, unknown>;
  try {
    flags = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (flags.help) return { help: true };
  const idp = String(flags.idp ?? '').toLowerCase();
  if (!flags.idp) throw new UsageError(`--idp is required (${IDPS.join(', ')})`);
  if (!(IDPS as readonly string[]).includes(idp)) throw new UsageError(`--idp must be one of ${IDPS.join(', ')} (got "${String(flags.idp)}")`);
  const url = String(flags.url ?? '');
  if (!url) throw new UsageError('--url is required: the SCIM base URL, e.g. http://localhost:3000/api/scim/v2');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url is not a URL: "${url}"`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new UsageError(`--url must be http or https (got "${parsed.protocol}")`);
  const token = String(flags.token ?? env.SCIM_TOKEN ?? '');
  if (!token) throw new UsageError('--token is required (or set SCIM_TOKEN): npm run token:create -- --org <slug> --name Simulator');
  const users = integer(flags, 'users', 100, 1, 1_000_000);
  const groups = integer(flags, 'groups', 5, 0, 100_000);
  const groupSize = integer(flags, 'group-size', Math.min(20, users), 0, users);
  const changes = integer(flags, 'changes', Math.floor(users / 10), 0, users);
  const batchSize = flags['batch-size'] === undefined ? undefined : integer(flags, 'batch-size', 1, 1, 10_000);
  return {
    help: false,
    json: Boolean(flags.json),
    options: {
      idp: idp as IdpName,
      url,
      token,
      users,
      groups,
      groupSize,
      changes,
      batchSize,
      concurrency: integer(flags, 'concurrency', 8, 1, 256),
      timeoutMs: integer(flags, 'timeout', 30, 1, 3600) * 1000,
      maxSeconds: integer(flags, 'max-seconds', 600, 1, 86_400),
    },
  };
}
