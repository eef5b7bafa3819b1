import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { scimClientFor, type ScimClient } from '@/test/scim-harness';
import { testDrivers } from '@/test/test-databases';
import { FC_SEED } from './filter-arbitraries';
import { commandArb, Model, type Org } from './isolation-model';
import { orgDigest, runCommand, type Runner } from './isolation-run';

/**
 * Isolation (issue 6, DESIGN "A token of org A can never read or change org B"): random SCIM
 * calls for two orgs on one database, where each org's calls often carry the other's ids.
 * After every call the other org is byte-for-byte unchanged; a refused call (404/409) changes
 * nothing at all; at the end each org lists exactly its own people, groups and memberships.
 */
/** Set FC_ISOLATION_RUNS to explore longer (a failure prints its seed and the shrunk calls). */
const SEQUENCES = Number(process.env.FC_ISOLATION_RUNS ?? 15);
const MAX_COMMANDS = 12;
const ORGS: Org[] = ['A', 'B'];
const other = (org: Org): Org => (org === 'A' ? 'B' : 'A');

describe.each(testDrivers({ pooled: true }))('two orgs stay apart on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  async function freshRunner(): Promise<Runner> {
    const clients = { A: await scimClientFor(handle.db), B: await scimClientFor(handle.db) };
    const model = new Model();
    for (const org of ORGS) {
      const owners = await clients[org].call('GET', '/Users');
      model.owners[org] = String((owners.json?.Resources as { id: string }[])[0]?.id);
    }
    return { db: handle.db, model, clients };
  }

  async function expectOrgMatchesModel(run: Runner, org: Org): Promise<void> {
    const { model } = run;
    const client: ScimClient = run.clients[org];
    const users = await client.call('GET', '/Users?count=200');
    const byId = new Map(model.users[org].map((u) => [u.id, u.name]));
    const listedUsers = (users.json?.Resources as { id: string; userName: string }[]).filter((u) => u.id !== model.owners[org]);
    expect(listedUsers.map((u) => u.id).sort(), `${org} lists its own users`).toEqual(model.liveIds('user', org));
    for (const u of listedUsers) expect(u.userName).toBe(byId.get(u.id));
    const groups = await client.call('GET', '/Groups?count=200');
    const listedGroups = groups.json?.Resources as { id: string; members?: { value: string }[] }[];
    expect(listedGroups.map((g) => g.id).sort(), `${org} lists its own groups`).toEqual(model.liveIds('group', org));
    const pairs = listedGroups.flatMap((g) => (g.members ?? []).map((m) => `${g.id}:${m.value}`)).sort();
    expect(pairs, `${org}'s groups hold its own members`).toEqual(model.pairs(org));
    const stored = await handle.db.execute(
      sql`select group_id::text || ':' || member_id::text as pair from group_members where org_id = ${client.orgId}::uuid order by 1`,
    );
    expect(
      resultRows(stored)
        .map((r) => String(r.pair))
        .sort(),
    ).toEqual(model.pairs(org));
  }

  /** No membership pairs a group with a member of another org, whatever the keys say. */
  async function expectNoCrossOrgMembership(run: Runner): Promise<void> {
    const [a, b] = [run.clients.A.orgId, run.clients.B.orgId];
    const result = await handle.db.execute(sql`select count(*)::int as n from group_members gm
      join members m on m.id = gm.member_id join groups g on g.id = gm.group_id
      where gm.org_id in (${a}::uuid, ${b}::uuid) and (m.org_id <> gm.org_id or g.org_id <> gm.org_id)`);
    expect(Number(resultRows(result)[0]?.n)).toBe(0);
  }

  it(`random SCIM calls for two orgs never cross (${SEQUENCES} sequences of ≤ ${MAX_COMMANDS} calls)`, async () => {
    let calls = 0;
    let crossCalls = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: MAX_COMMANDS }), async (commands) => {
        const run = await freshRunner();
        for (const cmd of commands) {
          const mine = run.clients[cmd.org].orgId;
          const theirs = run.clients[other(cmd.org)].orgId;
          const [mineBefore, theirsBefore] = [await orgDigest(handle.db, mine), await orgDigest(handle.db, theirs)];
          const status = await runCommand(run, cmd);
          expect(await orgDigest(handle.db, theirs), `${JSON.stringify(cmd)} changed the other org`).toBe(theirsBefore);
          if (status >= 400) expect(await orgDigest(handle.db, mine), `${JSON.stringify(cmd)} was refused but changed data`).toBe(mineBefore);
          calls += 1;
          if (JSON.stringify(cmd).includes(`"owner":"${other(cmd.org)}"`)) crossCalls += 1;
        }
        for (const org of ORGS) await expectOrgMatchesModel(run, org);
        await expectNoCrossOrgMembership(run);
      }),
      { seed: FC_SEED, numRuns: SEQUENCES, endOnFailure: true },
    );
    console.info(`isolation: ${calls} SCIM calls in ${SEQUENCES} sequences, ${crossCalls} carrying the other org's ids`);
    expect(crossCalls).toBeGreaterThan(10);
  });
});
