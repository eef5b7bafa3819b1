import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { flushScimCallLog } from '@/lib/scim/call-log/call-log-batch';
import { handleScimRequest } from '@/lib/scim/handler';
import { BASE_URL, scimClientFor, type ScimClient } from '@/test/scim-harness';
import { SEEDED } from './corpus-paths';
import { GROUP_URN, user, type CorpusIds, type HostileCase } from './corpus-types';

export type Fixture = { a: ScimClient; b: ScimClient; ids: CorpusIds; clientIp: string };

/** Org A (the caller) with two users and two groups; org B (the victim) with one of each. */
export async function seedFixture(db: Db): Promise<Fixture> {
  const a = await scimClientFor(db);
  const b = await scimClientFor(db);
  const id = async (client: ScimClient, path: string, body: unknown) => {
    const reply = await client.call('POST', path, body);
    if (reply.status !== 201) throw new Error(`seeding ${path}: ${reply.status} ${reply.text}`);
    return String(reply.json?.id);
  };
  const userId = await id(a, '/Users', user({ name: { givenName: 'Alice' } }, SEEDED.user));
  const user2 = await id(a, '/Users', user({}, SEEDED.user2));
  const groupId = await id(a, '/Groups', { schemas: [GROUP_URN], displayName: SEEDED.group, members: [{ value: userId }] });
  const group2 = await id(a, '/Groups', { schemas: [GROUP_URN], displayName: SEEDED.group2, members: [{ value: user2 }] });
  const foreignUser = await id(b, '/Users', user({}, 'carol@victim.test'));
  const foreignGroup = await id(b, '/Groups', { schemas: [GROUP_URN], displayName: 'Victims', members: [{ value: foreignUser }] });
  // A fresh address per run, so the failed-token limit (30 a minute per address) never trips.
  const clientIp = `2001:db8::${crypto
    .randomBytes(4)
    .toString('hex')
    .replace(/(.{4})/, '$1:')}`;
  return { a, b, ids: { user: userId, user2, group: groupId, group2, foreignUser, foreignGroup }, clientIp };
}

export type Snapshot = { members: string; groups: string; groupMembers: string; auditA: number; auditB: number };

/** One query: digests of both orgs' rows (every column, so a bumped version shows) and sync-log sizes. */
export async function snapshot(db: Db, f: Fixture): Promise<Snapshot> {
  await flushScimCallLog(db);
  const orgs = sql`(${f.a.orgId}::uuid, ${f.b.orgId}::uuid)`;
  const result = await db.execute(sql`select
    (select md5(coalesce(string_agg(t::text, '|' order by t.org_id, t.id), '')) from members t where t.org_id in ${orgs}) as members,
    (select md5(coalesce(string_agg(t::text, '|' order by t.org_id, t.id), '')) from groups t where t.org_id in ${orgs}) as groups,
    (select md5(coalesce(string_agg(t::text, '|' order by t.org_id, t.group_id, t.member_id), '')) from group_members t where t.org_id in ${orgs}) as group_members,
    (select count(*)::int from audit_events where org_id = ${f.a.orgId}::uuid) as audit_a,
    (select count(*)::int from audit_events where org_id = ${f.b.orgId}::uuid) as audit_b`);
  const [row] = resultRows(result);
  return {
    members: String(row?.members),
    groups: String(row?.groups),
    groupMembers: String(row?.group_members),
    auditA: Number(row?.audit_a),
    auditB: Number(row?.audit_b),
  };
}

/** Digest of org A's first `count` sync-log rows: "the sync log only gains rows". */
export async function auditPrefixDigest(db: Db, orgId: string, count: number): Promise<string> {
  const result = await db.execute(sql`select md5(coalesce(string_agg(t::text, '|' order by t.occurred_at, t.id), '')) as digest
    from (select * from audit_events where org_id = ${orgId}::uuid order by occurred_at, id limit ${count}) t`);
  return String(resultRows(result)[0]?.digest);
}

export type Reply = { status: number; headers: Headers; text: string };

/** Sends one corpus case from org A, as the route handler would. */
export async function sendCase(db: Db, f: Fixture, kase: HostileCase): Promise<Reply> {
  const values: Record<string, string> = { ...f.ids, token: f.a.token };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  const path = typeof kase.path === 'function' ? kase.path(f.ids) : fill(kase.path);
  const body = typeof kase.body === 'function' ? kase.body(f.ids) : kase.body;
  const headers = new Headers({ authorization: `Bearer ${f.a.token}` });
  if (body !== undefined || kase.streamBytes) headers.set('content-type', 'application/scim+json');
  for (const [name, value] of Object.entries(kase.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, fill(value));
  }
  const init: RequestInit & { duplex?: 'half' } = { method: kase.method, headers };
  if (kase.streamBytes) {
    init.body = spaces(kase.streamBytes);
    init.duplex = 'half';
  } else if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
  }
  const response = await handleScimRequest(new Request(`${BASE_URL}${path}`, init), { db, baseUrl: BASE_URL, clientIp: f.clientIp });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** `total` bytes of spaces in 64 KiB chunks, with no declared length. */
function spaces(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new TextEncoder().encode(' '.repeat(65_536));
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}
