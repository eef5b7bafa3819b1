import { acceptInviteAction } from '@/app/invite/[token]/actions';
import { GET as exportSyncLog } from '@/app/orgs/[slug]/settings/security/sync-log/export/route';
import { createScimTokenAction, revokeScimTokenAction } from '@/app/orgs/[slug]/settings/security/actions';
import { addMemberAction, removeMemberAction, setMemberRoleAction } from '@/app/orgs/[slug]/team/actions';
import { getSyncLogEvent } from '@/lib/audit/find-audit-events';
import { encodeEventKey } from '@/lib/audit/sync-log-query';
import { requireMember, requireOwner } from '@/lib/auth/guards';
import type { ActionResult } from '@/lib/errors';
import { findGroupMemberPage } from '@/lib/groups/find-group-member-page';
import { other, type Org, type UiCommand } from './two-org-commands';
import { fail, form, NOBODY, NO_INVITE, pick, refusedByGuard, sameIds, Steps, type Effect } from './two-org-world';

/**
 * UI steps: the org's owner signed in, through the real server actions, the export route, and
 * the guards plus lib reads the pages make (a page component itself needs React to render).
 */
export class UiSteps extends Steps {
  async run(c: UiCommand): Promise<Effect> {
    const { truth } = this.w;
    this.w.signIn(c.org);
    const target: Org = 'crossSlug' in c && c.crossSlug ? other(c.org) : c.org;
    const slug = this.w.sides[target].slug;
    const targetId = this.orgId(target);
    const role = await truth.activeRole(this.w.sides[c.org].ownerAccountId, targetId);
    const isOwner = role === 'owner';
    // Admins add people by hand and remove hand-added non-owners (README "Access policy").
    const canManage = isOwner || role === 'admin';
    const refusal = (result: ActionResult<unknown>, why: string): Effect => {
      if (result.ok) fail(c, `want refused (${why})`, result);
      return { acts: target, changes: 'none' };
    };
    switch (c.t) {
      case 'uiAddMember': {
        const email = this.userName(c.name);
        const taken = await truth.userNameTaken(targetId, email);
        const result = await addMemberAction(null, form({ slug, givenName: 'Invited', familyName: 'Person', email, role: c.role }));
        if (!canManage) return refusal(result, 'not an owner or admin of the posted org');
        if (!isOwner && c.role === 'owner') return refusal(result, 'only owners add owners');
        if (taken) return refusal(result, 'email already on that team');
        if (!result.ok || !result.data) fail(c, 'want a member added', result);
        const secret = result.data.inviteUrl.split('/invite/')[1] ?? '';
        const invite = await truth.invite(secret);
        if (!invite || invite.orgId !== targetId) fail(c, `the invite landed in org ${invite?.orgId}`);
        this.w.held[target].member.push(invite.memberId);
        this.w.held[target].invite.push(secret);
        return { acts: target, changes: 'any' };
      }
      case 'uiSetRole':
      case 'uiRemoveMember': {
        const id = this.member(c.ref);
        const inTarget = (await truth.orgOf('members', id)) === targetId;
        const result =
          c.t === 'uiSetRole'
            ? await setMemberRoleAction(null, form({ slug, memberId: id, role: c.role }))
            : await removeMemberAction(null, form({ slug, memberId: id }));
        if (c.t === 'uiSetRole' ? !isOwner : !canManage) return refusal(result, 'not allowed to the caller in the posted org');
        if (!inTarget) return refusal(result, 'the member is not in the posted org');
        // In the org: the last-owner rule or an IdP-managed person may still refuse it.
        return { acts: target, changes: result.ok ? 'any' : 'none' };
      }
      case 'uiCreateToken': {
        const result = await createScimTokenAction(null, form({ slug, name: 'UI token', scope: 'scim:manage', expiresInDays: '' }));
        if (!isOwner) return refusal(result, 'not an owner of the posted org');
        if (!result.ok || !result.data) fail(c, 'want a token', result);
        const stored = await truth.tokenByHash(result.data.secret);
        if (stored?.orgId !== targetId) fail(c, `the token landed in org ${stored?.orgId}`);
        this.w.held[target].token.push({ id: stored.id, secret: result.data.secret });
        return { acts: target, changes: 'any' };
      }
      case 'uiRevokeToken': {
        const token = pick(this.w.held[c.ref.owner].token, c.ref);
        const id = token?.id ?? NOBODY;
        const revocable = (await truth.orgOf('scim_tokens', id)) === targetId && !(await truth.tokenRevoked(id));
        const result = await revokeScimTokenAction(null, form({ slug, tokenId: id }));
        if (!isOwner) return refusal(result, 'not an owner of the posted org');
        if (!revocable) return refusal(result, 'not a live token of the posted org');
        if (!result.ok || !(await truth.tokenRevoked(id))) fail(c, 'want the token revoked', result);
        return { acts: target, changes: 'any' };
      }
      case 'uiAcceptInvite': {
        const secret = pick(this.w.held[c.ref.owner].invite, c.ref) ?? NO_INVITE;
        const invite = await truth.invite(secret);
        const account = this.w.sides[c.org].ownerAccountId;
        const acts: Org | null = invite ? (invite.orgId === this.orgId('A') ? 'A' : 'B') : null;
        const can = invite !== null && invite.pending && !(await truth.hasMemberForAccount(account, invite.orgId));
        const result = await acceptInviteAction(null, form({ token: secret }));
        if (!can) {
          if (result.ok) fail(c, 'want the invite refused (used, unknown, or already a member)', result);
          return { acts, changes: 'none' };
        }
        if (!result.ok || (await truth.accountOfMember(invite.memberId)) !== account) fail(c, 'want the invite accepted by the signed-in account', result);
        return { acts, changes: 'any' };
      }
      case 'uiViewGroup': {
        // app/orgs/[slug]/groups/[groupId]/page.tsx: requireMember(slug), then this read with the guard's org.
        const id = this.group(c.ref);
        let page: Awaited<ReturnType<typeof findGroupMemberPage>> | undefined;
        const refused = await refusedByGuard(async () => {
          const { org } = await requireMember(slug);
          if (org.id !== targetId) fail(c, `the guard resolved org ${org.id} for ${slug}`);
          page = await findGroupMemberPage(this.w.db, org.id, id);
        });
        if (refused !== (role === null)) fail(c, role === null ? 'a non-member opened the group page' : 'a member was refused the group page');
        if (refused) return { acts: null, changes: 'none' };
        const groupOrg = await truth.orgOf('groups', id);
        if (groupOrg !== targetId) {
          if (page !== null) fail(c, "another org's group page showed", page);
        } else if (
          !page ||
          !sameIds(
            page.members.map((m) => m.id),
            await truth.groupMembers(targetId, id),
          )
        ) {
          fail(c, 'want the group and its members', page);
        }
        return { acts: null, changes: 'none' };
      }
      case 'uiViewSyncEvent': {
        // settings/security/sync-log/[eventKey]/page.tsx: requireOwner(slug), then getSyncLogEvent with its org.
        const events = await truth.syncEvents(this.orgId(c.ref.owner));
        const event = pick(events, c.ref);
        const key = encodeEventKey(event ?? { at: '2026-01-01T00:00:00.000000Z', id: NOBODY });
        let found: Awaited<ReturnType<typeof getSyncLogEvent>> | undefined;
        const refused = await refusedByGuard(async () => {
          const { org } = await requireOwner(slug);
          found = await getSyncLogEvent(this.w.db, org.id, key);
        });
        if (refused !== !isOwner) fail(c, isOwner ? 'an owner was refused the event page' : 'a non-owner opened the event page');
        if (!refused && (found !== null) !== (event !== undefined && c.ref.owner === target)) fail(c, 'want the event only in its own org', found);
        return { acts: null, changes: 'none' };
      }
      case 'uiExportSyncLog': {
        const response = await exportSyncLog(new Request(`https://roster.test/orgs/${slug}/settings/security/sync-log/export`), {
          params: Promise.resolve({ slug }),
        });
        if (!isOwner) {
          if (response.status !== 404) fail(c, 'want 404 for a non-owner', response.status);
          return { acts: null, changes: 'none' };
        }
        const csv = await response.text();
        const mine = await truth.syncEvents(targetId, 10_000);
        const theirs = await truth.syncEvents(this.orgId(other(target)), 10_000);
        const missing = mine.filter((e) => !csv.includes(e.at));
        const leaked = theirs.filter((e) => csv.includes(e.at));
        if (missing.length || leaked.length) fail(c, `export: ${missing.length} own events missing, ${leaked.length} of the other org's present`);
        return { acts: null, changes: 'none' };
      }
      default:
        throw new Error(`unhandled ${JSON.stringify(c satisfies never)}`);
    }
  }
}
