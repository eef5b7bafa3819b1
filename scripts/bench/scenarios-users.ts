import { ENTERPRISE, filterQuery, patch, USER_SCHEMA } from '../shared/scim';
import type { BenchContext, Scenario } from './scenario';
import { scale } from './sizes';

/** The body Entra sends with its default attribute mappings (test/fixtures/idp/entra-create-user-mapped.json). */
export function entraUser(userName: string) {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE],
    externalId: userName,
    userName,
    active: true,
    displayName: 'Adele Vance',
    title: 'Retail Manager',
    preferredLanguage: 'en-US',
    emails: [{ primary: true, type: 'work', value: userName }],
    name: { familyName: 'Vance', givenName: 'Adele' },
    phoneNumbers: [{ type: 'work', value: '+1 425 555 0109' }],
    [ENTERPRISE]: { employeeNumber: '1042', department: 'Retail', organization: 'Contoso' },
    meta: { resourceType: 'User' },
  };
}

const name = (prefix: string, i: number) => `${prefix}-${String(i + 1).padStart(6, '0')}@bench.example`;
/** A spread of the seeded people, deterministic per op. */
const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length] as T;

export function createAndLookup(ctx: BenchContext, at: number): Scenario[] {
  const tag = scale(at);
  // Lookups first: the creates then add to the directory the next scenario sees.
  return [
    {
      key: `lookup@${tag}`,
      name: `lookup userName eq @${tag}`,
      ops: ctx.sizes.ops.lookup,
      server: async (i) => {
        const reply = await ctx.client.send('user.lookup', 'GET', `/Users${filterQuery('userName', pick(ctx.bulk.userNames, i))}`, undefined, [200]);
        return reply.ok && reply.json?.totalResults === 1;
      },
      floor: (i) => ctx.floor!.lookup(pick(ctx.bulk.userNames, i)),
    },
    {
      key: `create@${tag}`,
      name: `create user @${tag}`,
      ops: ctx.sizes.ops.create,
      usersPerOp: 1,
      server: async (i) => (await ctx.client.send('user.create', 'POST', '/Users', entraUser(name(`s${tag}`, i)), [201])).ok,
      floor: (i) => ctx.floor!.createUser(name(`f${tag}`, i)),
      bare: (i) => ctx.bare!.createUser(name(`b${tag}`, i)),
    },
  ];
}

/** PATCH "Replace" as Entra sends it: capitalised op, a string boolean, an extension path. */
function entraReplace(i: number) {
  return patch(
    { op: 'Replace', path: 'title', value: `Retail Manager ${i}` },
    { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Retail Ops' },
    { op: 'Replace', path: 'active', value: 'True' },
  );
}

export function patchUser(ctx: BenchContext): Scenario {
  const n = ctx.sizes.ops.patch;
  const id = (i: number) => ctx.bulk.ids[i % ctx.bulk.ids.length] as string;
  return {
    key: 'patch-user',
    name: 'PATCH user (Entra Replace)',
    ops: n,
    server: async (i) => (await ctx.client.send('user.patch', 'PATCH', `/Users/${id(i)}`, entraReplace(i), [200, 204])).ok,
    floor: (i) => ctx.floor!.patchUser(id(n + i), `Retail Manager ${i}`),
    bare: (i) => ctx.bare!.patchUser(id(2 * n + i), `Retail Manager ${i}`),
  };
}

export function listPages(ctx: BenchContext): Scenario[] {
  // 90,001 at 100,000 people: an IdP reading every page in order reaches it.
  const deep = Math.floor(ctx.sizes.large * 0.9) + 1;
  const page = (startIndex: number) => async () => {
    const reply = await ctx.client.send('user.list', 'GET', `/Users?startIndex=${startIndex}&count=100`, undefined, [200]);
    return reply.ok && Array.isArray(reply.json?.Resources) && reply.json.Resources.length === 100;
  };
  return [
    { key: 'page-first', name: 'list page 1 (100 users)', ops: ctx.sizes.ops.page, server: page(1), floor: () => ctx.floor!.listPage(1) },
    {
      key: 'page-deep',
      name: `list page at startIndex ${deep.toLocaleString('en-US')}`,
      ops: ctx.sizes.ops.page,
      server: page(deep),
      floor: () => ctx.floor!.listPage(deep),
    },
  ];
}

/** Deletes seeded people from the middle of the directory (members of the big group: cascades). */
export function deleteUser(ctx: BenchContext): Scenario {
  const n = ctx.sizes.ops.delete;
  const from = Math.floor(ctx.bulk.ids.length / 2);
  const id = (i: number) => ctx.bulk.ids[(from + i) % ctx.bulk.ids.length] as string;
  return {
    key: 'delete-user',
    name: 'DELETE user',
    ops: n,
    usersPerOp: -1,
    server: async (i) => (await ctx.client.send('user.delete', 'DELETE', `/Users/${id(i)}`, undefined, [204])).ok,
    floor: (i) => ctx.floor!.deleteUser(id(n + i)),
    bare: (i) => ctx.bare!.deleteUser(id(2 * n + i)),
  };
}
