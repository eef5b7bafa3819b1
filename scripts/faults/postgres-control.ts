import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster of the fault scenarios' own (initdb into a temporary directory,
 * its own port and socket directory), so that the outage scenario can stop and start a server
 * that nothing else uses. Stopping the machine's shared cluster (pg_ctlcluster, as this file
 * did before) took the database away from every other test running on the machine.
 *
 * initdb refuses to run as root, so the cluster belongs to the `postgres` OS user when the
 * script runs as root (CI, these machines); otherwise it runs as the current user.
 */
export type ThrowawayPostgres = {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url: string;
  stop: () => void;
  start: () => void;
  /** Stops the cluster and deletes its directory. */
  dispose: () => void;
};

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const version = versions.at(-1);
  if (!version) throw new Error('faults: no PostgreSQL binaries under /usr/lib/postgresql/<version>/bin');
  return path.join(root, version, 'bin');
}

export function startThrowawayPostgres(port: number, database = 'roster_faults'): ThrowawayPostgres {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-faults-pg-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (tool: string, args: string[]) => {
    const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    execFileSync(command, fullArgs, { stdio: 'ignore' });
  };
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  // Unix socket in our own directory: /var/run/postgresql belongs to the shared cluster.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    dispose: () => {
      try {
        stop();
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitForPostgres(url: string, timeoutMs = 30_000): Promise<void> {
  const { default: postgres } = await import('postgres');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await sql`select 1`;
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      await sql.end({ timeout: 1 }).catch(() => {});
    }
  }
}
