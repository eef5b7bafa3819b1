import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { GROUP_SCHEMA, patchBody, userBody, type ScimClient, type ScimReply } from '@/test/scim-harness';
import { groupName, userName, type Command, type Kind, type Model, type Org } from './isolation-model';

/** Runs one command against the org's client, checks the reply against the model, updates it. */
export type Runner = { db: Db; model: Model; clients: Record<Org, ScimClient> };

/** Digest of everything an org owns in members, groups and group_members. */
export async function orgDigest(db: Db, orgId: string): Promise<string> {
  const result = await db.execute(sql`select md5(
    coalesce((select string_agg(t::text, '|' order by t.id) from members t where t.org_id = ${orgId}::uuid), '') ||
    coalesce((select string_agg(t::text, '|' order by t.id) from groups t where t.org_id = ${orgId}::uuid), '') ||
    coalesce((select string_agg(t::text, '|' order by t.group_id, t.member_id) from group_members t where t.org_id = ${orgId}::uuid), '')) as digest`);
  return String(resultRows(result)[0]?.digest);
}

function fail(cmd: Command, reply: ScimReply, message: string): never {
  throw new Error(`${JSON.stringify(cmd)}: ${message}; got ${reply.status} ${reply.text.slice(0, 300)}`);
}

function expectStatus(cmd: Command, reply: ScimReply, want: number): void {
  if (reply.status !== want) fail(cmd, reply, `want ${want}`);
}

const memberIdsOf = (reply: ScimReply) => ((reply.json?.members ?? []) as { value: string }[]).map((m) => m.value).sort();
const sameSet = (a: string[], b: Iterable<string>) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const listed = (reply: ScimReply) => ((reply.json?.Resources ?? []) as { id: string }[]).map((r) => r.id).sort();

/** By-id calls on another org's (or a deleted) resource are 404 and change nothing anywhere. */
function target(run: Runner, cmd: Command & { ref: { owner: Org; pick: number } }, kind: Kind) {
  const id = run.model.resolve(kind, cmd.ref);
  return { id, entity: run.model.own(kind, cmd.org, id) };
}

const path = (kind: Kind, id: string) => `/${kind === 'user' ? 'Users' : 'Groups'}/${id}`;

/** Sends the command, checks its status and body against the model, updates it; returns the status. */
export async function runCommand(run: Runner, cmd: Command): Promise<number> {
  const { model } = run;
  const client = run.clients[cmd.org];
  const call = (method: string, p: string, body?: unknown) => client.call(method, p, body);
  switch (cmd.t) {
    case 'createUser': {
      const name = userName(cmd.name);
      const reply = await call('POST', '/Users', userBody(name));
      expectStatus(cmd, reply, model.taken('user', cmd.org, name) ? 409 : 201);
      if (reply.status === 201) model.users[cmd.org].push({ id: String(reply.json?.id), org: cmd.org, name, live: true });
      return reply.status;
    }
    case 'putUser': {
      const { id, entity } = target(run, cmd, 'user');
      const name = userName(cmd.name);
      const reply = await call('PUT', path('user', id), userBody(name));
      expectStatus(cmd, reply, !entity ? 404 : model.taken('user', cmd.org, name, id) ? 409 : 200);
      if (reply.status === 200 && entity) entity.name = name;
      return reply.status;
    }
    case 'patchUser':
    case 'deleteUser':
    case 'getUser': {
      const { id, entity } = target(run, cmd, 'user');
      const reply =
        cmd.t === 'patchUser'
          ? await call('PATCH', path('user', id), patchBody({ op: 'replace', path: 'active', value: cmd.active }))
          : cmd.t === 'deleteUser'
            ? await call('DELETE', path('user', id))
            : await call('GET', path('user', id));
      expectStatus(cmd, reply, !entity ? 404 : cmd.t === 'deleteUser' ? 204 : 200);
      if (entity && reply.json && reply.json.userName !== entity.name) fail(cmd, reply, `want userName ${entity.name}`);
      if (entity && cmd.t === 'deleteUser') model.deleteUser(id);
      return reply.status;
    }
    case 'createGroup':
    case 'putGroup': {
      const { id, entity } = cmd.t === 'putGroup' ? target(run, cmd, 'group') : { id: '', entity: undefined };
      const name = groupName(cmd.name);
      const ids = cmd.members.map((r) => model.resolve('user', r));
      const body = { schemas: [GROUP_SCHEMA], displayName: name, members: ids.map((value) => ({ value })) };
      const reply = cmd.t === 'createGroup' ? await call('POST', '/Groups', body) : await call('PUT', path('group', id), body);
      const ok = cmd.t === 'createGroup' ? 201 : 200;
      expectStatus(cmd, reply, cmd.t === 'putGroup' && !entity ? 404 : model.taken('group', cmd.org, name, id) ? 409 : ok);
      if (reply.status !== ok) return reply.status;
      const usable = model.usable(cmd.org, ids);
      if (!sameSet(memberIdsOf(reply), usable)) fail(cmd, reply, `want members ${usable.join(',')}`);
      const groupId = String(reply.json?.id);
      if (entity) entity.name = name;
      else model.groups[cmd.org].push({ id: groupId, org: cmd.org, name, live: true });
      model.members.set(groupId, new Set(usable));
      return reply.status;
    }
    case 'addMembers':
    case 'removeMember':
    case 'deleteGroup':
    case 'getGroup': {
      const { id, entity } = target(run, cmd, 'group');
      const ids =
        cmd.t === 'addMembers' ? cmd.members.map((r) => model.resolve('user', r)) : cmd.t === 'removeMember' ? [model.resolve('user', cmd.member)] : [];
      const reply =
        cmd.t === 'addMembers'
          ? await call('PATCH', path('group', id), patchBody({ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }))
          : cmd.t === 'removeMember'
            ? await call('PATCH', path('group', id), patchBody({ op: 'remove', path: `members[value eq "${ids[0]}"]` }))
            : cmd.t === 'deleteGroup'
              ? await call('DELETE', path('group', id))
              : await call('GET', path('group', id));
      expectStatus(cmd, reply, !entity ? 404 : cmd.t === 'getGroup' ? 200 : 204);
      if (!entity) return reply.status;
      const members = model.members.get(id) ?? new Set<string>();
      if (cmd.t === 'addMembers') for (const m of model.usable(cmd.org, ids)) members.add(m);
      if (cmd.t === 'removeMember') members.delete(ids[0] ?? '');
      if (cmd.t === 'deleteGroup') entity.live = false;
      if (cmd.t === 'getGroup' && !sameSet(memberIdsOf(reply), members)) fail(cmd, reply, `want members ${[...members].join(',')}`);
      model.members.set(id, members);
      return reply.status;
    }
    case 'findUsers':
    case 'findGroups': {
      const isUser = cmd.t === 'findUsers';
      const kind: Kind = isUser ? 'user' : 'group';
      const id = model.resolve(isUser ? 'user' : cmd.by === 'member' ? 'user' : 'group', cmd.ref);
      const filter =
        cmd.by === 'userName'
          ? `userName eq "${userName(cmd.name)}"`
          : cmd.by === 'id'
            ? `id eq "${id}"`
            : cmd.by === 'member'
              ? `members[value eq "${id}"]`
              : `displayName eq "${groupName(cmd.name)}"`;
      const reply = await call('GET', `/${isUser ? 'Users' : 'Groups'}?count=200&filter=${encodeURIComponent(filter)}`);
      expectStatus(cmd, reply, 200);
      const list = isUser ? model.users[cmd.org] : model.groups[cmd.org];
      const want = list
        .filter(
          (e) =>
            e.live &&
            (cmd.by === 'userName'
              ? e.name === userName(cmd.name)
              : cmd.by === 'id'
                ? e.id === id
                : cmd.by === 'member'
                  ? (model.members.get(e.id)?.has(id) ?? false)
                  : e.name === groupName(cmd.name)),
        )
        .map((e) => e.id);
      if (!sameSet(listed(reply), want)) fail(cmd, reply, `want ${kind}s ${want.join(',')}`);
      return reply.status;
    }
  }
}
