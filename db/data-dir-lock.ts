import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite does not lock its data directory, and two processes writing it lose rows silently
 * (docs/architecture.md, stack notes). Roster takes an exclusive lock file beside the data; a second process
 * refuses with a message naming the holder. A lock left by a dead process is taken over.
 */
export class DataDirLockedError extends Error {}

type LockInfo = { pid: number; command: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'roster.lock');
  const mine: LockInfo = {
    pid: process.pid,
    command: process.argv.slice(1).join(' ').slice(0, 200),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      const release = () => {
        if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(
          `The embedded database in ${path.resolve(dataDir)} is in use by process ${holder.pid} ` +
            `(${holder.command}, since ${holder.startedAt}).\n` +
            'PGlite allows one process at a time. Stop that process first, or set DATABASE_URL ' +
            'to use PostgreSQL, which any number of processes can share.',
        );
      }
      // Stale (dead holder, unreadable file, or our own pid after a restart): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock ${path.resolve(dataDir)}; try again.`);
}
