import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import type { CurrentAccount } from '@/lib/auth/get-current-account';
import { scimClientFor } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import { commandArb, isCrossOrg, STEP_KINDS, type Command, type Org } from './two-org-commands';
import { runStep, type World } from './two-org-run';
import { Truth } from './two-org-truth';
import { expectPagesShowOnlyOwnRows, expectScimListsOnlyOwnRows } from './two-org-views';

/**
 * Isolation through both doors (issue 6: "a property-based test runs random SCIM and UI
 * operations for two orgs and asserts neither ever sees or changes the other's data"). The one
 * isolation suite: the SCIM-only model of test/hostile/isolation.* was merged in (issue 16), with
 * its PUTs, member removal, group-name lookups and the SCIM listing check at the end.
 *
 * Each step is a SCIM request with an org's token (handleScimRequest, as the route calls it) or
 * what an org's owner does in the UI: the real server actions and route, and the guards with the
 * lib reads the pages call. Steps often carry the other org's ids, slug, invite or userName.
 * After every step: the org the step did not act on is byte-for-byte unchanged; a refused step
 * changed nothing (a refused SCIM call only adds its sync-log row); both orgs' pages show exactly
 * their own rows, as plain SQL finds them. After every sequence each org's token lists exactly
 * its own people, groups and memberships, and no membership crosses orgs.
 *
 * The session is the one piece not run for real: Auth.js's auth() needs a Next request, so
 * getCurrentAccount is replaced by the signed-in owner's account. Everything from there on
 * (getMembership's slug → org lookup, assertOwner, requireMember, requireOwner) is the real code.
 */
const auth = vi.hoisted(() => ({ account: null as CurrentAccount | null, db: null as Db | null }));
vi.mock('@/lib/auth/get-current-account', () => ({ getCurrentAccount: async () => auth.account }));
// next-auth itself does not load outside Next; the invite action only signs in a brand-new
// account, which these steps never create (the signed-in owner accepts).
vi.mock('@/lib/auth/config', () => ({
  signIn: async () => {
    throw new Error('signIn is not available in this test');
  },
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('@/lib/database', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/database')>()),
  getDb: async () => {
    if (!auth.db) throw new Error('no test database');
    return auth.db;
  },
}));
// Outside a Next request there is no cache to revalidate and no Host header to build a link from.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('@/lib/app-url', () => ({ getEnvAppUrl: async () => 'https://roster.test' }));

/** Set FC_TWO_ORG_RUNS to explore longer; FC_SEED to explore elsewhere (a failure prints both). */
const SEQUENCES = Number(process.env.FC_TWO_ORG_RUNS ?? 15);
const MAX_STEPS = 16;
const SEED = Number(process.env.FC_SEED ?? 6_2026);
const ORGS: Org[] = ['A', 'B'];

describe.each(testDrivers({ pooled: true }))('two orgs stay apart through SCIM and the UI on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
    auth.db = handle.db;
  });
  afterAll(async () => {
    auth.db = null;
    auth.account = null;
    await handle.close();
  });

  async function freshWorld(): Promise<World> {
    const sides = { A: await scimClientFor(handle.db), B: await scimClientFor(handle.db) };
    const truth = new Truth(handle.db);
    const held = {
      A: { member: await truth.members(sides.A.orgId), group: [], token: [], invite: [] },
      B: { member: await truth.members(sides.B.orgId), group: [], token: [], invite: [] },
    };
    const signIn = (org: Org) => {
      auth.account = { id: sides[org].ownerAccountId, email: sides[org].ownerEmail, name: 'Owner' };
    };
    return { db: handle.db, truth, sides, held, signIn };
  }

  it(`random SCIM and UI steps for two orgs never cross (${SEQUENCES} sequences of ≤ ${MAX_STEPS} steps)`, async () => {
    const seen = { steps: 0, cross: 0, scim: 0, ui: 0, refusedCross: 0, kinds: new Set<string>() };
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 4, maxLength: MAX_STEPS, size: 'max' }), async (commands: Command[]) => {
        const w = await freshWorld();
        const digests = async (scope: 'all' | 'data') => ({ A: await w.truth.digest(w.sides.A.orgId, scope), B: await w.truth.digest(w.sides.B.orgId, scope) });
        for (const cmd of commands) {
          const [all, data] = [await digests('all'), await digests('data')];
          const effect = await runStep(w, cmd);
          const [allAfter, dataAfter] = [await digests('all'), await digests('data')];
          const label = JSON.stringify(cmd);
          for (const org of ORGS) {
            if (org !== effect.acts) expect(allAfter[org], `${label} changed org ${org}, which it did not act on`).toBe(all[org]);
          }
          if (effect.acts && effect.changes === 'none')
            expect(allAfter[effect.acts], `${label} was refused but changed org ${effect.acts}`).toBe(all[effect.acts]);
          if (effect.acts && effect.changes === 'log')
            expect(dataAfter[effect.acts], `${label} was refused or a read, but changed org ${effect.acts}'s data`).toBe(data[effect.acts]);
          for (const org of ORGS) await expectPagesShowOnlyOwnRows(w, org);
          expect(await w.truth.crossOrgMemberships(), 'memberships crossing orgs').toBe(0);
          seen.steps += 1;
          if (cmd.t.startsWith('scim')) seen.scim += 1;
          else seen.ui += 1;
          if (isCrossOrg(cmd)) {
            seen.cross += 1;
            if (effect.changes !== 'any') seen.refusedCross += 1;
          }
          seen.kinds.add(cmd.t);
        }
        for (const org of ORGS) await expectScimListsOnlyOwnRows(w, org);
      }),
      { seed: SEED, numRuns: SEQUENCES, endOnFailure: true },
    );
    console.info(
      `two-org isolation: ${seen.steps} steps (${seen.scim} SCIM, ${seen.ui} UI) of ${seen.kinds.size} kinds, ${seen.cross} naming the other org, ${seen.refusedCross} of them refused or read-only`,
    );
    // The generator must keep producing cross-org attempts through both doors, or the test proves little.
    expect(seen.cross).toBeGreaterThan(SEQUENCES * 2);
    expect(seen.ui).toBeGreaterThan(SEQUENCES * 2);
    // With the fixed seed every kind of step runs: the merged model lost nothing (issue 16).
    if (!process.env.FC_TWO_ORG_RUNS && !process.env.FC_SEED) expect([...seen.kinds].sort(), 'every kind of step ran').toEqual([...STEP_KINDS].sort());
  }, 300_000);

  it('an owner of one org is refused every owner action and page of the other org', async () => {
    const w = await freshWorld();
    await runStep(w, { t: 'uiCreateToken', org: 'B', crossSlug: false });
    await runStep(w, { t: 'uiAddMember', org: 'B', crossSlug: false, name: { pool: 0 }, role: 'member' });
    await runStep(w, { t: 'scimCreateGroup', org: 'B', name: 0, members: [{ owner: 'B', pick: 1 }] });
    const before = await w.truth.digest(w.sides.B.orgId, 'all');
    const b = { owner: 'B' as const, pick: 0 };
    const steps: Command[] = [
      { t: 'uiAddMember', org: 'A', crossSlug: true, name: { pool: 1 }, role: 'owner' },
      { t: 'uiSetRole', org: 'A', crossSlug: true, ref: { owner: 'B', pick: 1 }, role: 'owner' },
      { t: 'uiSetRole', org: 'A', crossSlug: false, ref: { owner: 'B', pick: 1 }, role: 'owner' },
      { t: 'uiRemoveMember', org: 'A', crossSlug: true, ref: { owner: 'B', pick: 1 } },
      { t: 'uiRemoveMember', org: 'A', crossSlug: false, ref: { owner: 'B', pick: 1 } },
      { t: 'uiRevokeToken', org: 'A', crossSlug: true, ref: b },
      { t: 'uiRevokeToken', org: 'A', crossSlug: false, ref: b },
      { t: 'uiCreateToken', org: 'A', crossSlug: true },
      { t: 'uiViewGroup', org: 'A', crossSlug: true, ref: b },
      { t: 'uiViewGroup', org: 'A', crossSlug: false, ref: b },
      { t: 'uiViewSyncEvent', org: 'A', crossSlug: true, ref: b },
      { t: 'uiViewSyncEvent', org: 'A', crossSlug: false, ref: b },
      { t: 'uiExportSyncLog', org: 'A', crossSlug: true },
      { t: 'scimDeleteUser', org: 'A', ref: { owner: 'B', pick: 1 } },
      { t: 'scimFindUsers', org: 'A', name: { ownerOf: 'B' } },
    ];
    for (const step of steps) {
      const effect = await runStep(w, step);
      expect(effect.changes === 'any' && effect.acts === 'B', JSON.stringify(step)).toBe(false);
      expect(await w.truth.digest(w.sides.B.orgId, 'all'), JSON.stringify(step)).toBe(before);
    }
    for (const org of ORGS) await expectPagesShowOnlyOwnRows(w, org);
  });
});
