import fs from 'node:fs';

/** Parent pid of every process (Linux /proc); empty elsewhere. */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return parents;
  }
  for (const pid of entries) {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(pid), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}

/** `root` and all its descendants (the production server, should it ever fork). */
export function processTree(root: number): number[] {
  const parents = parentMap();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i] && !tree.includes(pid)) tree.push(pid);
  }
  return tree;
}

/** VmRSS of one process in MB, 0 if it is gone. */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The sum of VmRSS over the server's process tree, in MB. */
export function treeRssMb(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + rssMb(pid), 0);
}

/**
 * Samples the tree's RSS every `intervalMs`: `peak` is the highest seen since start,
 * `window()` the highest since the previous call (one scenario's peak).
 */
export function rssSampler(root: () => number | undefined, intervalMs = 250) {
  let peak = 0;
  let windowPeak = 0;
  let tree: { root: number; pids: number[]; at: number } | undefined;
  const sample = () => {
    const pid = root();
    if (pid === undefined) return;
    // Walking /proc costs a few ms: the tree is refreshed every 2 s, the RSS read every sample.
    if (!tree || tree.root !== pid || Date.now() - tree.at > 2000) tree = { root: pid, pids: processTree(pid), at: Date.now() };
    const mb = tree.pids.reduce((sum, p) => sum + rssMb(p), 0);
    peak = Math.max(peak, mb);
    windowPeak = Math.max(windowPeak, mb);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    get peak() {
      return peak;
    },
    window(): number {
      sample();
      const value = windowPeak;
      windowPeak = 0;
      return value;
    },
    stop: () => clearInterval(timer),
  };
}
