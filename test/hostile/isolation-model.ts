import fc from 'fast-check';

/**
 * The model behind isolation.property.test.ts: what two orgs hold after a run of SCIM calls,
 * and what each call must answer. Ids of one org are handed to the other's calls on purpose.
 */
export type Org = 'A' | 'B';
export type Kind = 'user' | 'group';
/** An id from `owner`'s responses (the pick-th created, live or deleted), or a never-used id. */
export type Ref = { owner: Org; pick: number };

export type Command =
  | { t: 'createUser'; org: Org; name: number }
  | { t: 'putUser'; org: Org; ref: Ref; name: number }
  | { t: 'patchUser'; org: Org; ref: Ref; active: boolean }
  | { t: 'deleteUser'; org: Org; ref: Ref }
  | { t: 'getUser'; org: Org; ref: Ref }
  | { t: 'createGroup'; org: Org; name: number; members: Ref[] }
  | { t: 'putGroup'; org: Org; ref: Ref; name: number; members: Ref[] }
  | { t: 'addMembers'; org: Org; ref: Ref; members: Ref[] }
  | { t: 'removeMember'; org: Org; ref: Ref; member: Ref }
  | { t: 'deleteGroup'; org: Org; ref: Ref }
  | { t: 'getGroup'; org: Org; ref: Ref }
  | { t: 'findUsers'; org: Org; by: 'userName' | 'id'; ref: Ref; name: number }
  | { t: 'findGroups'; org: Org; by: 'member' | 'displayName'; ref: Ref; name: number };

const org = fc.constantFrom<Org>('A', 'B');
const ref = fc.record({ owner: org, pick: fc.nat(5) });
const refs = fc.array(ref, { maxLength: 3 });
const name = fc.nat(3);

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('createUser' as const), org, name }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('putUser' as const), org, ref, name }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('patchUser' as const), org, ref, active: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteUser' as const), org, ref }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('getUser' as const), org, ref }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('createGroup' as const), org, name, members: refs }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('putGroup' as const), org, ref, name, members: refs }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('addMembers' as const), org, ref, members: refs }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('removeMember' as const), org, ref, member: ref }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteGroup' as const), org, ref }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('getGroup' as const), org, ref }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('findUsers' as const), org, by: fc.constantFrom('userName' as const, 'id' as const), ref, name }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('findGroups' as const), org, by: fc.constantFrom('member' as const, 'displayName' as const), ref, name }),
  },
);

export const userName = (n: number) => `iso-${n}@example.test`;
export const groupName = (n: number) => `Team ${n}`;

export type Entity = { id: string; org: Org; name: string; live: boolean };

/** What the model holds for both orgs; `members` maps a group id to its member ids. */
export class Model {
  readonly users: Record<Org, Entity[]> = { A: [], B: [] };
  readonly groups: Record<Org, Entity[]> = { A: [], B: [] };
  readonly members = new Map<string, Set<string>>();
  /** Each org's owner (a member since sign-up); never a reference target, but always listed. */
  readonly owners: Record<Org, string> = { A: '', B: '' };

  /** The id a reference names: one `owner` received, or an id nobody has. */
  resolve(kind: Kind, r: Ref): string {
    const list = (kind === 'user' ? this.users : this.groups)[r.owner];
    const entity = list[r.pick % Math.max(list.length, 1)];
    return entity?.id ?? `00000000-0000-4000-8000-${String(r.pick).padStart(12, '0')}`;
  }

  /** The live entity of `org` with this id, if any: only those can be read or changed by it. */
  own(kind: Kind, org: Org, id: string): Entity | undefined {
    return (kind === 'user' ? this.users : this.groups)[org].find((e) => e.id === id && e.live);
  }

  taken(kind: Kind, org: Org, name: string, except?: string): boolean {
    return (kind === 'user' ? this.users : this.groups)[org].some((e) => e.live && e.id !== except && e.name.toLowerCase() === name.toLowerCase());
  }

  /** Member ids of a group body or PATCH that the org can use: its own live users. */
  usable(org: Org, ids: string[]): string[] {
    return [...new Set(ids.filter((id) => this.own('user', org, id)))];
  }

  deleteUser(id: string): void {
    for (const set of this.members.values()) set.delete(id);
    for (const list of Object.values(this.users)) for (const e of list) if (e.id === id) e.live = false;
  }

  liveIds(kind: Kind, org: Org): string[] {
    return (kind === 'user' ? this.users : this.groups)[org]
      .filter((e) => e.live)
      .map((e) => e.id)
      .sort();
  }

  /** (group, member) pairs of an org's live groups, sorted: compared with group_members. */
  pairs(org: Org): string[] {
    return this.groups[org]
      .filter((g) => g.live)
      .flatMap((g) => [...(this.members.get(g.id) ?? [])].map((m) => `${g.id}:${m}`))
      .sort();
  }
}
