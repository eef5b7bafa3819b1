import fs from 'node:fs';
import { processTree } from '../shared/rss';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of one process in ms, 0 if it is gone (Linux /proc). */
function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU time used so far by the server's process tree. */
export function serverCpuMs(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + cpuMs(pid), 0);
}

/**
 * CPU time used so far by every PostgreSQL process on this machine (backends, WAL writer…).
 * Backends that exit take their time with them, and other clients' work counts too: a guide
 * to where the time goes, not an exact figure.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const name of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(name));
    } catch {
      // gone
    }
  }
  return total;
}
