import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Stops and starts the machine's local PostgreSQL cluster (Debian's pg_ctlcluster), to play a
 * database outage against a running Roster. Only for the fault scripts on a throwaway machine.
 */
function cluster(): [string, string] {
  const versions = fs.readdirSync('/etc/postgresql').sort();
  const version = versions.at(-1);
  if (!version) throw new Error('faults: no PostgreSQL cluster under /etc/postgresql');
  return [version, 'main'];
}

export function stopPostgres(): void {
  const [version, name] = cluster();
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'stop', '-m', 'fast'], { stdio: 'ignore' });
}

export function startPostgres(): void {
  const [version, name] = cluster();
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start'], { stdio: 'ignore' });
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
