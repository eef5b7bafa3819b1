import { expect } from 'vitest';
import { findSyncHealth } from '@/lib/audit/audit-activity';
import { findSyncLogPage } from '@/lib/audit/find-audit-events';
import { decodeEventKey, syncLogQuerySchema } from '@/lib/audit/sync-log-query';
import { findGroupMemberPage } from '@/lib/groups/find-group-member-page';
import { findGroups } from '@/lib/groups/find-groups';
import { findTeamMembers } from '@/lib/members/find-team-members';
import { findAccountOrgs } from '@/lib/orgs/find-account-orgs';
import { findScimTokens } from '@/lib/tokens/find-scim-tokens';
import { other, type Org } from './two-org-commands';
import type { World } from './two-org-run';

const sorted = (ids: string[]) => [...ids].sort();

/**
 * Every read the org's pages make (team, groups, a group, tokens, sync log, sync health, the org
 * switcher) shows exactly the org's own rows, as plain SQL finds them; and a group page of the
 * other org shows nothing. Called for both orgs after every step.
 */
export async function expectPagesShowOnlyOwnRows(w: World, org: Org): Promise<void> {
  const { db, truth } = w;
  const orgId = w.sides[org].orgId;
  const at = (what: string) => `${org}'s ${what}`;

  const team = await findTeamMembers(db, orgId, { page: 1 });
  const members = await truth.members(orgId);
  expect(sorted(team.rows.map((r) => r.id)), at('team page')).toEqual(members);
  expect(team.total, at('team count')).toBe(members.length);
  const groupNames = await truth.groupNamesByMember(orgId);
  for (const row of team.rows) expect(sorted(row.groups), at(`groups column of ${row.id}`)).toEqual(groupNames.get(row.id) ?? []);

  const groups = await findGroups(db, orgId, { page: 1 });
  const groupIds = await truth.groups(orgId);
  expect(sorted(groups.rows.map((g) => g.id)), at('groups page')).toEqual(groupIds);
  for (const g of groups.rows) {
    const inGroup = await truth.groupMembers(orgId, g.id);
    expect(g.memberCount, at(`member count of ${g.id}`)).toBe(inGroup.length);
    const page = await findGroupMemberPage(db, orgId, g.id);
    expect(sorted(page?.members.map((m) => m.id) ?? []), at(`group page ${g.id}`)).toEqual(inGroup);
  }
  for (const foreign of await truth.groups(w.sides[other(org)].orgId)) {
    expect(await findGroupMemberPage(db, orgId, foreign), at(`view of the other org's group ${foreign}`)).toBeNull();
  }

  const tokens = await findScimTokens(db, orgId);
  expect(sorted(tokens.map((t) => t.id)), at('token list')).toEqual(await truth.tokens(orgId));

  const log = await findSyncLogPage(db, orgId, syncLogQuerySchema.parse({}));
  expect(
    log.rows.map((r) => decodeEventKey(r.key)?.id),
    at('sync log'),
  ).toEqual((await truth.syncEvents(orgId)).map((e) => e.id));
  expect((await findSyncHealth(db, orgId)).requests24h, at('sync health')).toBe(await truth.syncRequests24h(orgId));

  const ownerAccount = w.sides[org].ownerAccountId;
  expect(sorted((await findAccountOrgs(db, ownerAccount)).map((o) => o.slug)), at("owner's org switcher")).toEqual(await truth.accountOrgSlugs(ownerAccount));
}

/**
 * What the org's token lists over SCIM (the IdP's view, paged as Okta's import pages): exactly
 * the org's own people with their stored userNames, its own groups, and their memberships as
 * group_members holds them. Called at the end of a sequence: its own calls write the sync log.
 */
export async function expectScimListsOnlyOwnRows(w: World, org: Org): Promise<void> {
  const { truth } = w;
  const client = w.sides[org];
  const at = (what: string) => `${org}'s ${what} over SCIM`;
  const users = (await client.call('GET', '/Users?count=200')).json?.Resources as { id: string; userName: string }[];
  const names = await truth.userNames(client.orgId);
  expect(sorted(users.map((u) => u.id)), at('users')).toEqual(await truth.members(client.orgId));
  for (const u of users) expect(u.userName, at(`userName of ${u.id}`)).toBe(names.get(u.id));
  const groups = (await client.call('GET', '/Groups?count=200')).json?.Resources as { id: string; members?: { value: string }[] }[];
  expect(sorted(groups.map((g) => g.id)), at('groups')).toEqual(await truth.groups(client.orgId));
  const pairs = groups.flatMap((g) => (g.members ?? []).map((m) => `${g.id}:${m.value}`));
  expect(sorted(pairs), at('memberships')).toEqual(await truth.memberships(client.orgId));
}
