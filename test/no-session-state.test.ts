import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Behind a transaction pooler (DATABASE_POOLER=transaction, issue 17) a server session is shared
 * by every client in turn: whatever one leaves on it (a SET, a session advisory lock, a LISTEN)
 * is another's, and is gone from the next transaction. Product code keeps none outside the places
 * that get a session of their own (db/client.ts: LISTEN on the direct URL).
 */
const SESSION_STATE: [RegExp, string][] = [
  [
    /pg_advisory_(?:lock|unlock|lock_shared|try_advisory_lock)\s*\(|pg_try_advisory_lock\s*\(/i,
    'a session advisory lock (use pg_advisory_xact_lock in a transaction)',
  ],
  [/set_config\s*\([^)]*,\s*false\s*\)/i, 'a session-level set_config (pass true: SET LOCAL)'],
  [/(?:sql|unsafe)\s*\(?\s*[`'"]\s*set\s+(?!local\b)(?:session\s+)?[a-z_.]+\s*(?:=|to\b)/i, 'a session-level SET (use SET LOCAL inside the transaction)'],
  [/(?:sql|unsafe)\s*\(?\s*[`'"]\s*(?:listen|prepare)\s+/i, 'LISTEN or PREPARE by hand (db/client.ts listens on the direct URL)'],
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('product code and a transaction pooler', () => {
  it('keeps no state on the server session', () => {
    const found = ['lib', 'db', 'server', 'app'].flatMap(sources).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return SESSION_STATE.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${file}: ${what}`);
    });
    expect(found).toEqual([]);
  });

  it('would find one', () => {
    const hit = (text: string) => SESSION_STATE.some(([pattern]) => pattern.test(text));
    expect(hit('await client`select pg_advisory_lock(${KEY})`')).toBe(true);
    expect(hit("select set_config('synchronous_commit', 'off', false)")).toBe(true);
    expect(hit('await tx.execute(sql`set synchronous_commit = off`)')).toBe(true);
    expect(hit('await tx.execute(sql`set local synchronous_commit = off`)')).toBe(false);
    expect(hit("select set_config('synchronous_commit', 'off', true)")).toBe(false);
    expect(hit('sql`update members set status = ${s}`')).toBe(false);
    expect(hit('select pg_advisory_xact_lock(${KEY})')).toBe(false);
  });
});
