import { GROUP_SCHEMA, patchBody, userBody } from '@/test/scim-harness';
import { groupName, type Org, type ScimCommand } from './two-org-commands';
import { expectStatus, fail, listed, memberValues, NO_TOKEN, pick, sameIds, Steps, type Effect } from './two-org-world';

/** SCIM steps: the org's own token through handleScimRequest, on ids that are often the other org's. */
export class ScimSteps extends Steps {
  async run(cmd: ScimCommand): Promise<Effect> {
    const { truth } = this.w;
    if (cmd.t === 'scimWithToken') return this.scimWithToken(cmd);
    const org = cmd.org;
    const client = this.w.sides[org];
    const orgId = client.orgId;
    const own = async (table: 'members' | 'groups', id: string) => (await truth.orgOf(table, id)) === orgId;
    switch (cmd.t) {
      case 'scimCreateUser': {
        const name = this.userName(cmd.name);
        const taken = await truth.userNameTaken(orgId, name);
        // A hand-added member of this org with that userName or email is adopted (issue 12).
        const adopts = await truth.adoptable(orgId, name);
        const reply = await client.call('POST', '/Users', userBody(name));
        expectStatus(cmd, reply, adopts ? 201 : taken ? 409 : 201);
        if (reply.status !== 201) return { acts: org, changes: 'log' };
        if (adopts && reply.json?.id !== adopts) fail(cmd, `want member ${adopts} adopted`, reply.text);
        await this.created(cmd, org, 'members', String(reply.json?.id));
        return { acts: org, changes: 'any' };
      }
      case 'scimPutUser': {
        const id = this.member(cmd.ref);
        const name = this.userName(cmd.name);
        const mine = await own('members', id);
        const clash = mine && (await truth.userNameTaken(orgId, name, id));
        const reply = await client.call('PUT', `/Users/${id}`, userBody(name));
        expectStatus(cmd, reply, !mine ? 404 : clash ? 409 : 200);
        if (reply.status !== 200) return { acts: org, changes: 'log' };
        if (reply.json?.id !== id || reply.json.userName !== name) fail(cmd, `want user ${id} renamed ${name}`, reply.text);
        return { acts: org, changes: 'any' };
      }
      case 'scimPatchUser':
      case 'scimDeleteUser':
      case 'scimGetUser': {
        const id = this.member(cmd.ref);
        const mine = await own('members', id);
        // The org's last active owner cannot be deprovisioned over SCIM (409, nothing changes).
        const deprovisions = cmd.t === 'scimDeleteUser' || (cmd.t === 'scimPatchUser' && !cmd.active);
        const lastOwner = mine && deprovisions && (await this.w.truth.isLastActiveOwner(orgId, id));
        const reply =
          cmd.t === 'scimPatchUser'
            ? await client.call('PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'active', value: cmd.active }))
            : cmd.t === 'scimDeleteUser'
              ? await client.call('DELETE', `/Users/${id}`)
              : await client.call('GET', `/Users/${id}`);
        expectStatus(cmd, reply, !mine ? 404 : lastOwner ? 409 : cmd.t === 'scimDeleteUser' ? 204 : 200);
        if (lastOwner) return { acts: org, changes: 'log' };
        if (mine && cmd.t !== 'scimDeleteUser' && (reply.json?.id !== id || reply.json.userName !== (await truth.userNameOf(id))))
          fail(cmd, `want user ${id} as stored`, reply.text);
        return { acts: org, changes: mine && cmd.t !== 'scimGetUser' ? 'any' : 'log' };
      }
      case 'scimCreateGroup':
      case 'scimPutGroup': {
        const id = cmd.t === 'scimPutGroup' ? this.group(cmd.ref) : undefined;
        const mine = id === undefined || (await own('groups', id));
        const name = groupName(cmd.name);
        const ids = cmd.members.map((r) => this.member(r));
        const taken = await truth.groupNameTaken(orgId, name, id);
        const usable = await this.ownMembers(orgId, ids);
        const body = { schemas: [GROUP_SCHEMA], displayName: name, members: ids.map((value) => ({ value })) };
        const reply = id === undefined ? await client.call('POST', '/Groups', body) : await client.call('PUT', `/Groups/${id}`, body);
        const ok = id === undefined ? 201 : 200;
        expectStatus(cmd, reply, !mine ? 404 : taken ? 409 : ok);
        if (reply.status !== ok) return { acts: org, changes: 'log' };
        // Members of another org (or nobody's) are dropped, never linked (DESIGN: the org's own only).
        if (!sameIds(memberValues(reply), usable)) fail(cmd, `want members ${usable.join(',')} (the org's own only)`, reply.text);
        if (id === undefined) await this.created(cmd, org, 'groups', String(reply.json?.id));
        else if (!sameIds(await truth.groupMembers(orgId, id), usable)) fail(cmd, `want stored members ${usable.join(',')}`);
        return { acts: org, changes: 'any' };
      }
      case 'scimAddToGroup': {
        const id = this.group(cmd.ref);
        const ids = cmd.members.map((r) => this.member(r));
        const mine = await own('groups', id);
        const before = await truth.groupMembers(orgId, id);
        const usable = await this.ownMembers(orgId, ids);
        const reply = await client.call('PATCH', `/Groups/${id}`, patchBody({ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }));
        expectStatus(cmd, reply, mine ? [200, 204] : 404);
        if (!mine) return { acts: org, changes: 'log' };
        const after = await truth.groupMembers(orgId, id);
        if (!sameIds(after, [...before, ...usable])) fail(cmd, `want members ${[...before, ...usable].join(',')}`, after);
        return { acts: org, changes: 'any' };
      }
      case 'scimRemoveFromGroup': {
        const id = this.group(cmd.ref);
        const member = this.member(cmd.member);
        const mine = await own('groups', id);
        const before = await truth.groupMembers(orgId, id);
        const reply = await client.call('PATCH', `/Groups/${id}`, patchBody({ op: 'remove', path: `members[value eq "${member}"]` }));
        expectStatus(cmd, reply, mine ? [200, 204] : 404);
        if (!mine) return { acts: org, changes: 'log' };
        const after = await truth.groupMembers(orgId, id);
        const want = before.filter((m) => m !== member);
        if (!sameIds(after, want)) fail(cmd, `want members ${want.join(',')}`, after);
        return { acts: org, changes: 'any' };
      }
      case 'scimDeleteGroup':
      case 'scimGetGroup': {
        const id = this.group(cmd.ref);
        const mine = await own('groups', id);
        const reply = cmd.t === 'scimDeleteGroup' ? await client.call('DELETE', `/Groups/${id}`) : await client.call('GET', `/Groups/${id}`);
        expectStatus(cmd, reply, !mine ? 404 : cmd.t === 'scimDeleteGroup' ? 204 : 200);
        if (mine && cmd.t === 'scimGetGroup' && !sameIds(memberValues(reply), await truth.groupMembers(orgId, id)))
          fail(cmd, 'want the group’s members', reply.text);
        return { acts: org, changes: mine && cmd.t === 'scimDeleteGroup' ? 'any' : 'log' };
      }
      case 'scimFindUsers':
      case 'scimFindUserById':
      case 'scimFindGroupsByMember':
      case 'scimFindGroupsByName': {
        const { filter, want } =
          cmd.t === 'scimFindUsers'
            ? { filter: `userName eq "${this.userName(cmd.name)}"`, want: await truth.usersNamed(orgId, this.userName(cmd.name)) }
            : cmd.t === 'scimFindUserById'
              ? await (async () => {
                  const id = this.member(cmd.ref);
                  return { filter: `id eq "${id}"`, want: (await own('members', id)) ? [id] : [] };
                })()
              : cmd.t === 'scimFindGroupsByName'
                ? { filter: `displayName eq "${groupName(cmd.name)}"`, want: await truth.groupsNamed(orgId, groupName(cmd.name)) }
                : await (async () => {
                    const id = this.member(cmd.ref);
                    return { filter: `members[value eq "${id}"]`, want: await truth.groupsHolding(orgId, id) };
                  })();
        const onGroups = cmd.t === 'scimFindGroupsByMember' || cmd.t === 'scimFindGroupsByName';
        const reply = await client.call('GET', `/${onGroups ? 'Groups' : 'Users'}?count=200&filter=${encodeURIComponent(filter)}`);
        expectStatus(cmd, reply, 200);
        if (!sameIds(listed(reply), want)) fail(cmd, `want exactly ${want.join(',') || 'nothing'}`, listed(reply));
        return { acts: org, changes: 'log' };
      }
      default:
        throw new Error(`unhandled ${JSON.stringify(cmd satisfies never)}`);
    }
  }

  /** The token decides the org: a live token lists its own org's people, a revoked or unknown one gets 401. */
  private async scimWithToken(cmd: Extract<ScimCommand, { t: 'scimWithToken' }>): Promise<Effect> {
    const token = pick(this.w.held[cmd.ref.owner].token, cmd.ref);
    const secret = token?.secret ?? NO_TOKEN;
    const owner = token ? await this.w.truth.tokenByHash(secret) : null;
    const reply = await this.w.sides.A.call('GET', '/Users?count=200', undefined, { authorization: `Bearer ${secret}` });
    if (!owner) {
      // Unknown tokens count against the client address's failure limit: 429 once it trips.
      expectStatus(cmd, reply, [401, 429]);
      return { acts: null, changes: 'none' };
    }
    const acts: Org = owner.orgId === this.orgId('A') ? 'A' : 'B';
    if (await this.w.truth.tokenRevoked(owner.id)) {
      expectStatus(cmd, reply, [401, 429]);
      return { acts, changes: 'log' };
    }
    expectStatus(cmd, reply, 200);
    const want = await this.w.truth.members(owner.orgId);
    if (!sameIds(listed(reply), want)) fail(cmd, `a token of ${acts} must list exactly ${acts}'s people`, listed(reply));
    return { acts, changes: 'log' };
  }
}
