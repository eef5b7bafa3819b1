import fc from 'fast-check';

/**
 * The steps of two-org-isolation.property.test.ts, the one isolation suite (issue 6; it took in
 * test/hostile/isolation.*, issue 16): what org A and org B do through both doors, the SCIM API
 * (their token: every by-id method on Users and Groups, the filters IdPs send) and the UI (their
 * owner's session, through the server actions). References often name the other org's ids on
 * purpose: those are the cross-org attempts.
 */
export type Org = 'A' | 'B';
export type Kind = 'member' | 'group' | 'token' | 'invite' | 'event';
/** The pick-th id of `kind` that `owner` holds (or ever held); a pick past the end is an id nobody has. */
export type Ref = { owner: Org; pick: number };
/** A userName from a small pool shared by both orgs, or the other org's owner's (it exists there). */
export type Name = { pool: number } | { ownerOf: Org };
export type Role = 'owner' | 'admin' | 'member';

export type ScimCommand =
  | { t: 'scimCreateUser'; org: Org; name: Name }
  | { t: 'scimPutUser'; org: Org; ref: Ref; name: Name }
  | { t: 'scimPatchUser'; org: Org; ref: Ref; active: boolean }
  | { t: 'scimDeleteUser'; org: Org; ref: Ref }
  | { t: 'scimGetUser'; org: Org; ref: Ref }
  | { t: 'scimCreateGroup'; org: Org; name: number; members: Ref[] }
  | { t: 'scimPutGroup'; org: Org; ref: Ref; name: number; members: Ref[] }
  | { t: 'scimAddToGroup'; org: Org; ref: Ref; members: Ref[] }
  | { t: 'scimRemoveFromGroup'; org: Org; ref: Ref; member: Ref }
  | { t: 'scimDeleteGroup'; org: Org; ref: Ref }
  | { t: 'scimGetGroup'; org: Org; ref: Ref }
  | { t: 'scimFindUsers'; org: Org; name: Name }
  | { t: 'scimFindUserById'; org: Org; ref: Ref }
  | { t: 'scimFindGroupsByMember'; org: Org; ref: Ref }
  | { t: 'scimFindGroupsByName'; org: Org; name: number }
  /** A token made in the UI (either org's, live or revoked), or one nobody issued. */
  | { t: 'scimWithToken'; ref: Ref };

/** `crossSlug`: the form posts the other org's slug (a replayed or forged action). */
export type UiCommand =
  | { t: 'uiAddMember'; org: Org; crossSlug: boolean; name: Name; role: Role }
  | { t: 'uiSetRole'; org: Org; crossSlug: boolean; ref: Ref; role: Role }
  | { t: 'uiRemoveMember'; org: Org; crossSlug: boolean; ref: Ref }
  | { t: 'uiCreateToken'; org: Org; crossSlug: boolean }
  | { t: 'uiRevokeToken'; org: Org; crossSlug: boolean; ref: Ref }
  /** The org's owner, signed in, opens an invite link (the invite's org is the one that changes). */
  | { t: 'uiAcceptInvite'; org: Org; ref: Ref }
  | { t: 'uiViewGroup'; org: Org; crossSlug: boolean; ref: Ref }
  | { t: 'uiViewSyncEvent'; org: Org; crossSlug: boolean; ref: Ref }
  | { t: 'uiExportSyncLog'; org: Org; crossSlug: boolean };

export type Command = ScimCommand | UiCommand;

/** Every kind of step: the suite fails if a run leaves one out (the fixed seed must reach them all). */
export const STEP_KINDS = [
  'scimCreateUser',
  'scimPutUser',
  'scimPatchUser',
  'scimDeleteUser',
  'scimGetUser',
  'scimCreateGroup',
  'scimPutGroup',
  'scimAddToGroup',
  'scimRemoveFromGroup',
  'scimDeleteGroup',
  'scimGetGroup',
  'scimFindUsers',
  'scimFindUserById',
  'scimFindGroupsByMember',
  'scimFindGroupsByName',
  'scimWithToken',
  'uiAddMember',
  'uiSetRole',
  'uiRemoveMember',
  'uiCreateToken',
  'uiRevokeToken',
  'uiAcceptInvite',
  'uiViewGroup',
  'uiViewSyncEvent',
  'uiExportSyncLog',
] as const satisfies readonly Command['t'][];
/** Compiles only while STEP_KINDS names every command. */
export const stepKindsComplete: Exclude<Command['t'], (typeof STEP_KINDS)[number]> extends never ? true : never = true;

const org = fc.constantFrom<Org>('A', 'B');
/** Picks 0–5 land on an existing id when the list has one; 6 is always an id nobody has. */
const ref = fc.record({ owner: org, pick: fc.nat(6) });
const refs = fc.array(ref, { maxLength: 3 });
const name: fc.Arbitrary<Name> = fc.oneof({ weight: 4, arbitrary: fc.record({ pool: fc.nat(3) }) }, { weight: 1, arbitrary: fc.record({ ownerOf: org }) });
const role = fc.constantFrom<Role>('owner', 'admin', 'member');
/** One form in four posts the other org's slug. */
const crossSlug = fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const c = <T extends string>(t: T) => fc.constant(t);

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: c('scimCreateUser'), org, name }) },
  { weight: 2, arbitrary: fc.record({ t: c('scimPutUser'), org, ref, name }) },
  { weight: 2, arbitrary: fc.record({ t: c('scimPatchUser'), org, ref, active: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimDeleteUser'), org, ref }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimGetUser'), org, ref }) },
  { weight: 3, arbitrary: fc.record({ t: c('scimCreateGroup'), org, name: fc.nat(3), members: refs }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimPutGroup'), org, ref, name: fc.nat(3), members: refs }) },
  { weight: 2, arbitrary: fc.record({ t: c('scimAddToGroup'), org, ref, members: refs }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimRemoveFromGroup'), org, ref, member: ref }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimDeleteGroup'), org, ref }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimGetGroup'), org, ref }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimFindUsers'), org, name }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimFindUserById'), org, ref }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimFindGroupsByMember'), org, ref }) },
  { weight: 1, arbitrary: fc.record({ t: c('scimFindGroupsByName'), org, name: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ t: c('scimWithToken'), ref }) },
  { weight: 3, arbitrary: fc.record({ t: c('uiAddMember'), org, crossSlug, name, role }) },
  { weight: 3, arbitrary: fc.record({ t: c('uiSetRole'), org, crossSlug, ref, role }) },
  { weight: 3, arbitrary: fc.record({ t: c('uiRemoveMember'), org, crossSlug, ref }) },
  { weight: 2, arbitrary: fc.record({ t: c('uiCreateToken'), org, crossSlug }) },
  { weight: 3, arbitrary: fc.record({ t: c('uiRevokeToken'), org, crossSlug, ref }) },
  { weight: 2, arbitrary: fc.record({ t: c('uiAcceptInvite'), org, ref }) },
  { weight: 2, arbitrary: fc.record({ t: c('uiViewGroup'), org, crossSlug, ref }) },
  { weight: 1, arbitrary: fc.record({ t: c('uiViewSyncEvent'), org, crossSlug, ref }) },
  { weight: 1, arbitrary: fc.record({ t: c('uiExportSyncLog'), org, crossSlug }) },
);

export const other = (o: Org): Org => (o === 'A' ? 'B' : 'A');
export const groupName = (n: number) => `Team ${n}`;

/** Whether a command names something of the other org: an id, a slug, an invite or a userName. */
export function isCrossOrg(cmd: Command): boolean {
  if (cmd.t === 'scimWithToken') return false;
  const foreign = other(cmd.org);
  const refsOf = [
    ...('ref' in cmd ? [cmd.ref] : []),
    ...('member' in cmd ? [cmd.member] : []),
    ...('members' in cmd && Array.isArray(cmd.members) ? cmd.members : []),
  ];
  return (
    ('crossSlug' in cmd && cmd.crossSlug) ||
    refsOf.some((r) => r.owner === foreign) ||
    ('name' in cmd && typeof cmd.name === 'object' && 'ownerOf' in cmd.name && cmd.name.ownerOf === foreign)
  );
}
