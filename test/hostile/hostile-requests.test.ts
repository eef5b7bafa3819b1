import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { testDrivers } from '@/test/test-databases';
import { countByEndpoint, hostileCorpus, label, problemsOf } from './corpus';
import { ENDPOINTS, KNOWN_BUGS, type BugId, type HostileCase } from './corpus-types';
import { auditPrefixDigest, seedFixture, sendCase, snapshot, type Fixture, type Snapshot } from './hostile-fixture';

/**
 * Issue 6, hostile input: every request of the corpus gets a 4xx SCIM error, changes nothing in
 * either org, is logged once in the caller's sync log, and the server keeps serving.
 */
describe('the hostile corpus', () => {
  it('holds at least 300 requests and covers every SCIM endpoint', () => {
    const counts = countByEndpoint(hostileCorpus);
    expect(hostileCorpus.length).toBeGreaterThanOrEqual(300);
    for (const endpoint of ENDPOINTS) expect(counts[endpoint], endpoint).toBeGreaterThan(0);
    const methods = new Set(hostileCorpus.map((k) => k.method));
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) expect(methods.has(method), method).toBe(true);
    console.info(`hostile corpus: ${hostileCorpus.length} requests`, counts);
  });

  it('names every case uniquely, so a failure points at one request', () => {
    const keys = hostileCorpus.map((k) => `${k.endpoint} ${label(k)}`);
    expect(keys.length - new Set(keys).size).toBe(0);
  });
});

describe.each(testDrivers())('hostile requests on $driver', ({ open }) => {
  let handle: DbHandle;
  let fixture: Fixture;
  let seeded: Snapshot;
  let seededLog: string;
  beforeAll(async () => {
    handle = await open();
    fixture = await seedFixture(handle.db);
    seeded = await snapshot(handle.db, fixture);
    seededLog = await auditPrefixDigest(handle.db, fixture.a.orgId, seeded.auditA);
  });
  afterAll(() => handle.close());

  /** Runs cases one at a time and returns one line per case that went wrong. */
  async function run(cases: readonly HostileCase[]): Promise<string[]> {
    const failures: string[] = [];
    // Nothing else touches these two orgs, so one case's "after" is the next one's "before".
    let before = await snapshot(handle.db, fixture);
    for (const kase of cases) {
      let problems: string[];
      try {
        const reply = await sendCase(handle.db, fixture, kase);
        const after = await snapshot(handle.db, fixture);
        problems = problemsOf(kase, reply, before, after);
        before = after;
      } catch (error) {
        problems = [`handleScimRequest threw: ${String(error).slice(0, 200)}`];
        before = await snapshot(handle.db, fixture);
      }
      if (problems.length) failures.push(`${label(kase)}: ${problems.join('; ')}`);
    }
    return failures;
  }

  // ~400 requests, each with two snapshots: 15-20 s on PGlite alone, past 30 s on a busy machine.
  it('answers each request with a 4xx SCIM error, changes nothing, and logs it once', async () => {
    const cases = hostileCorpus.filter((k) => !k.bug);
    expect(await run(cases)).toEqual([]);
  }, 120_000);

  it('leaves both orgs exactly as seeded; the sync log only grew; the server still serves', async () => {
    const now = await snapshot(handle.db, fixture);
    expect({ ...now, auditA: 0, auditB: 0 }).toEqual({ ...seeded, auditA: 0, auditB: 0 });
    expect(now.auditA).toBeGreaterThan(seeded.auditA);
    expect(now.auditB).toBe(seeded.auditB);
    // The rows logged before the corpus are still there, unchanged.
    expect(await auditPrefixDigest(handle.db, fixture.a.orgId, seeded.auditA)).toBe(seededLog);
    const users = await fixture.a.call('GET', '/Users');
    expect(users.status).toBe(200);
    expect(users.json?.totalResults).toBe(3); // the owner and the two seeded users
    const victim = await fixture.b.call('GET', `/Groups/${fixture.ids.foreignGroup}`);
    expect(victim.status).toBe(200);
    expect(victim.json?.members).toEqual([expect.objectContaining({ value: fixture.ids.foreignUser })]);
  });

  // Bugs the corpus once found, one regression test each (see KNOWN_BUGS: all fixed). They run
  // after the checks above, one group at a time, so a failure names the bug it brings back.
  // HOSTILE_VERBOSE=1 prints each failing case.
  for (const bug of Object.keys(KNOWN_BUGS) as BugId[]) {
    it(`once a bug, ${bug}: ${KNOWN_BUGS[bug]}`, async () => {
      const cases = hostileCorpus.filter((k) => k.bug === bug);
      expect(cases.length).toBeGreaterThan(0);
      const failures = await run(cases);
      if (process.env.HOSTILE_VERBOSE) console.info(`${bug}: ${failures.length}/${cases.length} fail\n${failures.join('\n')}`);
      expect(failures).toEqual([]);
    });
  }
});
