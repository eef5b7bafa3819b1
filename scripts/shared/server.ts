import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';

/** Lines prefixed with the npm script that runs (bench, test:faults, soak). */
const log = (message: string) => process.stderr.write(`${process.env.npm_lifecycle_event ?? 'scripts'}: ${message}\n`);
/** `npm start`: built by `npm run build` (scripts/build-server.ts). */
const SERVER_BUNDLE = path.join('dist', 'production-server.mjs');

/** `npm run build`, unless `skip` and a build is already there. Build output goes to stderr. */
export async function buildIfNeeded(skip: boolean): Promise<void> {
  // Both halves of a build: Next's (.next) and the production server's bundle (dist/).
  if (skip && fs.existsSync(path.join('.next', 'BUILD_ID')) && fs.existsSync(SERVER_BUNDLE)) {
    log('using the existing production build (.next, dist/)');
    return;
  }
  log('building (npm run build)…');
  const code = await new Promise<number | null>((resolve) => {
    spawn('npm', ['run', 'build'], { stdio: ['ignore', process.stderr, process.stderr] }).on('exit', resolve);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
}

export type RunningServer = { pid: number; url: string; stop: () => Promise<void>; logTail: () => string };

/**
 * The production server (`npm start`: SCIM served directly, pages by Next) on `port` with `env`,
 * in its own process group so that stopping it stops its children too. Ready when the SCIM
 * endpoint answers (401 without a token is an answer).
 */
export async function startServer(port: number, env: Record<string, string>): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [SERVER_BUNDLE, '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  // The server has its own process group: if the script dies, take the server with it.
  const killOnExit = () => {
    if (!exited) process.kill(-(child.pid as number), 'SIGKILL');
  };
  process.once('exit', killOnExit);
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      process.removeListener('exit', killOnExit);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (!(await answers(`${url}/api/scim/v2/ServiceProviderConfig`))) {
    if (exited || Date.now() > deadline) {
      if (!exited) process.kill(-(child.pid as number), 'SIGKILL');
      throw new Error(`the production server did not come up on port ${port}:\n${lines.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    pid: child.pid as number,
    url,
    logTail: () => lines.join('\n'),
    stop: async () => {
      if (exited) return;
      process.kill(-(child.pid as number), 'SIGTERM');
      const timeout = setTimeout(() => !exited && process.kill(-(child.pid as number), 'SIGKILL'), 10_000);
      await exit;
      clearTimeout(timeout);
    },
  };
}

/**
 * A production server with what Auth.js needs (a fresh AUTH_SECRET, AUTH_URL on its own port):
 * on `port`, or a free one.
 */
export async function startInstance(env: Record<string, string>, port?: number): Promise<RunningServer> {
  const chosen = port ?? (await freePort());
  return startServer(chosen, { AUTH_SECRET: crypto.randomBytes(33).toString('base64url'), AUTH_URL: `http://127.0.0.1:${chosen}`, ...env });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
