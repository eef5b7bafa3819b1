import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';
import { createDb } from './client';

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'roster-lock-'));
}

describe('embedded database lock', () => {
  it('refuses a second holder while the first process is alive, naming it', () => {
    const dir = tempDir();
    // The parent of this test process is alive and is not us: it stands in for `npm run dev`.
    fs.writeFileSync(path.join(dir, 'roster.lock'), JSON.stringify({ pid: process.ppid, command: 'next dev', startedAt: 'earlier' }));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`in use by process ${process.ppid} \\(next dev`));
    expect(() => acquireDataDirLock(dir)).toThrow(/set DATABASE_URL/);
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    fs.writeFileSync(path.join(dir, 'roster.lock'), JSON.stringify({ pid: dead, command: 'killed', startedAt: 'earlier' }));
    const release = acquireDataDirLock(dir);
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'roster.lock'), 'utf8')) as { pid: number }).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'roster.lock'))).toBe(false);
  });

  it('holds the lock for as long as the embedded database is open', async () => {
    const dir = tempDir();
    const handle = await createDb({ dataDir: dir });
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'roster.lock'), 'utf8')) as { pid: number }).pid).toBe(process.pid);
    await handle.close();
    expect(fs.existsSync(path.join(dir, 'roster.lock'))).toBe(false);
    const again = await createDb({ dataDir: dir });
    await again.close();
  });
});
