import { format } from 'node:util';
import { afterAll, vi } from 'vitest';
import { describeSecret, maskSecrets, registerSecret, secretsIn } from './secret-registry';

/**
 * Issue 6: "no token, password or session secret ever reaches a log". Loaded before every test
 * file (vitest.config.ts `setupFiles`), this
 *  - records every secret the file creates: each lib/secrets generateSecret (SCIM tokens, invite
 *    links), each password hashed or checked, the session secret, AUTH_SECRET;
 *  - captures everything written to console.* and process.stdout/stderr while the file runs;
 *  - fails the file in afterAll if any recorded secret was written, naming only its kind and
 *    first characters. (Audit rows are checked when a test database closes: test-databases.ts.)
 * The wrappers pass every call through unchanged; the cost is one substring search per secret per
 * write, and writes are few.
 */
vi.mock('@/lib/secrets', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/secrets')>();
  const registry = await import('./secret-registry');
  return {
    ...actual,
    generateSecret: (prefix: string) => {
      const secret = actual.generateSecret(prefix);
      registry.registerSecret(secret, prefix === 'rst_' ? 'SCIM token' : prefix === 'rsi_' ? 'invite link secret' : `${prefix} secret`);
      return secret;
    },
  };
});

vi.mock('@/lib/auth/password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth/password')>();
  const registry = await import('./secret-registry');
  return {
    ...actual,
    hashPassword: (password: string) => {
      registry.registerSecret(password, 'password');
      return actual.hashPassword(password);
    },
    verifyPassword: (hash: string, password: string) => {
      registry.registerSecret(password, 'password');
      return actual.verifyPassword(hash, password);
    },
  };
});

vi.mock('@/lib/auth/dev-secret', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth/dev-secret')>();
  const registry = await import('./secret-registry');
  return {
    ...actual,
    getAuthSecret: () => {
      const secret = actual.getAuthSecret();
      registry.registerSecret(secret, 'session secret');
      return secret;
    },
  };
});

registerSecret(process.env.AUTH_SECRET, 'AUTH_SECRET');

const written: string[] = [];
const leaks: string[] = [];
const leaked = new Set<string>();

function capture(channel: string, text: string): void {
  written.push(text);
  const found = secretsIn(text);
  if (found.length === 0) return;
  for (const secret of found) leaked.add(secret);
  // Where the write came from, minus this file's own frames.
  const from = (new Error().stack ?? '')
    .split('\n')
    .slice(1)
    .filter((line) => !line.includes('no-secret-leaks.setup'))
    .slice(0, 4)
    .join('\n');
  leaks.push(`${found.map(describeSecret).join(', ')} reached ${channel}: ${maskSecrets(text).trim().slice(0, 300)}\n${from}`);
}

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
const originalConsole = consoleMethods.map((method) => [method, console[method]] as const);
for (const [method, original] of originalConsole) {
  console[method] = (...args: unknown[]) => {
    capture(`console.${method}`, format(...args));
    original.apply(console, args);
  };
}

const streams = [
  ['process.stdout', process.stdout],
  ['process.stderr', process.stderr],
] as const;
const originalWrites = streams.map(([, stream]) => stream.write);
for (const [channel, stream] of streams) {
  const original = stream.write;
  stream.write = function write(this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    capture(channel, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  };
}

afterAll(() => {
  for (const [method, original] of originalConsole) console[method] = original;
  streams.forEach(([, stream], i) => {
    stream.write = originalWrites[i] as typeof stream.write;
  });
  // A secret registered after it was written (a password hashed after a log line) is found here.
  const all = written.join('\n');
  const late = secretsIn(all).filter((secret) => !leaked.has(secret));
  for (const secret of late) leaks.push(`${describeSecret(secret)} reached the output of this file`);
  if (leaks.length > 0) throw new Error(`A secret reached the test output (issue 6: never in a log):\n${leaks.join('\n\n')}`);
});
