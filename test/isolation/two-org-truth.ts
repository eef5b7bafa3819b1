import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { sha256Hex } from '@/lib/secrets';

/**
 * What the database holds, read with plain SQL written here, apart from lib/: the reference the
 * UI's read functions and the SCIM answers are compared with. Each query names its org_id in
 * the open, so a read function that drops its org filter disagrees with it.
 */
export class Truth {
  constructor(private readonly db: Db) {}

  private async rows(query: SQL): Promise<Record<string, unknown>[]> {
    return resultRows(await this.db.execute(query));
  }

  private async ids(query: SQL): Promise<string[]> {
    return (await this.rows(query)).map((r) => String(r.id)).sort();
  }

  members(orgId: string): Promise<string[]> {
    return this.ids(sql`select id from members where org_id = ${orgId}::uuid`);
  }

  groups(orgId: string): Promise<string[]> {
    return this.ids(sql`select id from groups where org_id = ${orgId}::uuid`);
  }

  tokens(orgId: string): Promise<string[]> {
    return this.ids(sql`select id from scim_tokens where org_id = ${orgId}::uuid`);
  }

  groupMembers(orgId: string, groupId: string): Promise<string[]> {
    return this.ids(sql`select member_id as id from group_members where org_id = ${orgId}::uuid and group_id = ${groupId}::uuid`);
  }

  /** The org a member, group or token id belongs to, or null when no org has it. */
  async orgOf(table: 'members' | 'groups' | 'scim_tokens', id: string): Promise<string | null> {
    const rows = await this.rows(sql`select org_id from ${sql.identifier(table)} where id::text = ${id}`);
    return rows[0] ? String(rows[0].org_id) : null;
  }

  async tokenRevoked(id: string): Promise<boolean> {
    const rows = await this.rows(sql`select revoked_at is not null as revoked from scim_tokens where id::text = ${id}`);
    return rows[0]?.revoked === true;
  }

  async tokenByHash(secret: string): Promise<{ id: string; orgId: string } | null> {
    const [row] = await this.rows(sql`select id, org_id from scim_tokens where token_hash = ${sha256Hex(secret)}`);
    return row ? { id: String(row.id), orgId: String(row.org_id) } : null;
  }

  /** The member an invite secret names and whether it can still be accepted. */
  async invite(secret: string): Promise<{ memberId: string; orgId: string; pending: boolean } | null> {
    const [row] = await this.rows(sql`select id, org_id, invite_expires_at > now() as pending from members where invite_token_hash = ${sha256Hex(secret)}`);
    return row ? { memberId: String(row.id), orgId: String(row.org_id), pending: row.pending === true } : null;
  }

  async accountOfMember(memberId: string): Promise<string | null> {
    const [row] = await this.rows(sql`select account_id from members where id::text = ${memberId}`);
    return row?.account_id ? String(row.account_id) : null;
  }

  /** The account's role in the org if it is an active member there (what the guards should find). */
  async activeRole(accountId: string, orgId: string): Promise<string | null> {
    const [row] = await this.rows(sql`select role from members where org_id = ${orgId}::uuid and account_id = ${accountId}::uuid and status = 'active'`);
    return row ? String(row.role) : null;
  }

  async hasMemberForAccount(accountId: string, orgId: string): Promise<boolean> {
    return (await this.rows(sql`select 1 from members where org_id = ${orgId}::uuid and account_id = ${accountId}::uuid`)).length > 0;
  }

  /** Whether the member is the org's only active owner (SCIM may not deprovision them: issue 12). */
  async isLastActiveOwner(orgId: string, memberId: string): Promise<boolean> {
    const owners = await this.rows(sql`select id from members where org_id = ${orgId}::uuid and role = 'owner' and status = 'active'`);
    return owners.length === 1 && String(owners[0]?.id) === memberId;
  }

  /** The member a SCIM create of this userName (email-shaped) adopts: same org, not yet SCIM. */
  async adoptable(orgId: string, userName: string): Promise<string | null> {
    const [row] = await this.rows(
      sql`select id from members where org_id = ${orgId}::uuid and source <> 'scim' and (lower(user_name) = lower(${userName}) or lower(email) = lower(${userName})) order by (lower(user_name) = lower(${userName})) desc, created_at limit 1`,
    );
    return row ? String(row.id) : null;
  }

  /** Whether a member of the org other than `except` has this userName (case-insensitive, as the unique index). */
  async userNameTaken(orgId: string, userName: string, except = ''): Promise<boolean> {
    return (
      (await this.rows(sql`select 1 from members where org_id = ${orgId}::uuid and lower(user_name) = lower(${userName}) and id::text <> ${except}`)).length > 0
    );
  }

  async groupNameTaken(orgId: string, name: string, except = ''): Promise<boolean> {
    return (
      (await this.rows(sql`select 1 from groups where org_id = ${orgId}::uuid and lower(display_name) = lower(${name}) and id::text <> ${except}`)).length > 0
    );
  }

  async userNameOf(memberId: string): Promise<string | null> {
    const [row] = await this.rows(sql`select user_name from members where id::text = ${memberId}`);
    return row ? String(row.user_name) : null;
  }

  /** The org's userName of each member id. */
  async userNames(orgId: string): Promise<Map<string, string>> {
    const rows = await this.rows(sql`select id, user_name from members where org_id = ${orgId}::uuid`);
    return new Map(rows.map((r) => [String(r.id), String(r.user_name)]));
  }

  groupsNamed(orgId: string, name: string): Promise<string[]> {
    return this.ids(sql`select id from groups where org_id = ${orgId}::uuid and lower(display_name) = lower(${name})`);
  }

  /** Every (group, member) pair the org stores, as "group:member", sorted. */
  async memberships(orgId: string): Promise<string[]> {
    const rows = await this.rows(sql`select group_id::text || ':' || member_id::text as pair from group_members where org_id = ${orgId}::uuid`);
    return rows.map((r) => String(r.pair)).sort();
  }

  usersNamed(orgId: string, userName: string): Promise<string[]> {
    return this.ids(sql`select id from members where org_id = ${orgId}::uuid and lower(user_name) = lower(${userName})`);
  }

  groupsHolding(orgId: string, memberId: string): Promise<string[]> {
    return this.ids(sql`select group_id as id from group_members where org_id = ${orgId}::uuid and member_id::text = ${memberId}`);
  }

  /** Each member's group names, sorted, for the team page's Groups column. */
  async groupNamesByMember(orgId: string): Promise<Map<string, string[]>> {
    const rows = await this.rows(sql`select gm.member_id, g.display_name from group_members gm join groups g on g.org_id = gm.org_id and g.id = gm.group_id
      where gm.org_id = ${orgId}::uuid and g.org_id = ${orgId}::uuid order by g.display_name`);
    const names = new Map<string, string[]>();
    for (const r of rows) names.set(String(r.member_id), [...(names.get(String(r.member_id)) ?? []), String(r.display_name)].sort());
    return names;
  }

  /** Ids of the org's SCIM calls in the sync log's default window (7 days), newest first. */
  async syncEvents(orgId: string, limit = 50): Promise<{ id: string; at: string }[]> {
    const rows = await this.rows(sql`select id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from audit_events
      where org_id = ${orgId}::uuid and action like 'scim.%' and occurred_at >= now() - interval '7 days'
      order by occurred_at desc, id desc limit ${limit}`);
    return rows.map((r) => ({ id: String(r.id), at: String(r.at) }));
  }

  async syncRequests24h(orgId: string): Promise<number> {
    const [row] = await this.rows(
      sql`select count(*)::int as n from audit_events where org_id = ${orgId}::uuid and action like 'scim.%' and occurred_at >= now() - interval '1 day'`,
    );
    return Number(row?.n ?? 0);
  }

  async accountOrgSlugs(accountId: string): Promise<string[]> {
    const rows = await this.rows(
      sql`select o.slug from members m join organizations o on o.id = m.org_id where m.account_id = ${accountId}::uuid and m.status = 'active'`,
    );
    return rows.map((r) => String(r.slug)).sort();
  }

  /** Memberships whose group or member is in another org than the row: the schema's FKs forbid them. */
  async crossOrgMemberships(): Promise<number> {
    const [row] = await this.rows(sql`select count(*)::int as n from group_members gm
      left join members m on m.org_id = gm.org_id and m.id = gm.member_id
      left join groups g on g.org_id = gm.org_id and g.id = gm.group_id
      where m.id is null or g.id is null`);
    return Number(row?.n ?? 0);
  }

  /**
   * A digest of everything the org owns. `data` leaves out the sync log and the tokens' last-use
   * columns, which a refused SCIM call still writes (the sync log shows the call).
   */
  async digest(orgId: string, scope: 'all' | 'data'): Promise<string> {
    const tokenColumns = scope === 'all' ? sql`t::text` : sql`concat_ws('|', t.id, t.name, t.scopes, t.token_hash, t.expires_at, t.revoked_at)`;
    const audit =
      scope === 'all'
        ? sql`coalesce((select string_agg(t::text, '|' order by t.occurred_at, t.id) from audit_events t where t.org_id = ${orgId}::uuid), '')`
        : sql`''`;
    const [row] = await this.rows(sql`select md5(
      coalesce((select o::text from organizations o where o.id = ${orgId}::uuid), '') ||
      coalesce((select string_agg(t::text, '|' order by t.id) from members t where t.org_id = ${orgId}::uuid), '') ||
      coalesce((select string_agg(t::text, '|' order by t.id) from groups t where t.org_id = ${orgId}::uuid), '') ||
      coalesce((select string_agg(t::text, '|' order by t.group_id, t.member_id) from group_members t where t.org_id = ${orgId}::uuid), '') ||
      coalesce((select string_agg(${tokenColumns}, '|' order by t.id) from scim_tokens t where t.org_id = ${orgId}::uuid), '') ||
      ${audit}) as digest`);
    return String(row?.digest);
  }
}
