import { parseArgs } from 'node:util';

/** hostname undefined: every interface, IPv4 and IPv6, as `next start` does without -H. */
export type Listen = { port: number; hostname: string | undefined };

/**
 * `-p/--port` and `-H/--hostname`, like `next start`, so scripts that passed those keep working.
 * PORT is the default port, as for `next start`. HOSTNAME is deliberately not read: `next start`
 * ignores it too, and Docker sets it to the container's name, which would bind one interface only.
 */
export function parseListenArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Listen {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
    strict: true,
    allowPositionals: false,
  });
  const rawPort = values.port ?? env.PORT ?? '3000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`invalid port: ${rawPort}`);
  return { port, hostname: values.hostname || undefined };
}
