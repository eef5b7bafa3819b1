import postgres from 'postgres';

type Sql = postgres.Sql | postgres.TransactionSql;
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * The floor: what PostgreSQL itself does for each scenario, through postgres.js with no
 * HTTP, no SCIM and no ORM — the same rows written (the change and its audit row in one
 * transaction), the same indexes read. Each function is one operation.
 */
export function floorOps(sql: postgres.Sql, orgId: string, tokenId: string) {
  const audit = (tx: Sql, action: string, type: string, id: string, status: number, startedAt: number, summary: Record<string, unknown>) => tx`
    insert into audit_events (org_id, actor_type, actor_id, actor_label, action, resource_type, resource_id, status, idp, duration_ms, summary)
    values (${orgId}, 'token', ${tokenId}, 'bench', ${action}, ${type}, ${id}, ${status}, 'entra', ${Math.round(performance.now() - startedAt)}, ${sql.json(summary as postgres.JSONValue)})`;
  return {
    createUser: (userName: string) =>
      sql.begin(async (tx) => {
        const t0 = performance.now();
        const emails = [{ value: userName, type: 'work', primary: true }];
        const [row] = await tx`
        insert into members (org_id, source, user_name, email, emails, phone_numbers, given_name, family_name, display_name, title, external_id, preferred_language, employee_number, department, organization)
        values (${orgId}, 'scim', ${userName}, ${userName}, ${sql.json(emails)}, ${sql.json([{ type: 'work', value: '+1 425 555 0109' }])}, 'Adele', 'Vance', 'Adele Vance', 'Retail Manager', ${userName}, 'en-US', '1042', 'Retail', 'Contoso')
        returning *`;
        await audit(tx, 'scim.user.create', 'User', String(row?.id), 201, t0, { method: 'POST', path: '/Users', attributes: ['userName', 'name', 'emails'] });
      }),
    lookup: (userName: string) => sql`select * from members where org_id = ${orgId} and lower(user_name) = lower(${userName})`,
    patchUser: (id: string, title: string) =>
      sql.begin(async (tx) => {
        const t0 = performance.now();
        await tx`select * from members where org_id = ${orgId} and id = ${id} for update`;
        await tx`update members set title = ${title}, department = 'Retail Ops', status = 'active', updated_at = now(), version = version + 1
               where org_id = ${orgId} and id = ${id} returning *`;
        await audit(tx, 'scim.user.patch', 'User', id, 200, t0, { method: 'PATCH', path: `/Users/${id}`, ops: ['replace title', 'replace active'] });
      }),
    createGroup: (displayName: string) =>
      sql.begin(async (tx) => {
        const t0 = performance.now();
        const [row] = await tx`insert into groups (org_id, display_name, external_id) values (${orgId}, ${displayName}, ${displayName}) returning *`;
        await audit(tx, 'scim.group.create', 'Group', String(row?.id), 201, t0, { method: 'POST', path: '/Groups' });
        return String(row?.id);
      }),
    addMembers: (groupId: string, ids: string[]) =>
      sql.begin(async (tx) => {
        const t0 = performance.now();
        await tx`select * from groups where org_id = ${orgId} and id = ${groupId} for update`;
        await tx`insert into group_members (org_id, group_id, member_id)
               select ${orgId}, ${groupId}, m.id from members m where m.org_id = ${orgId} and m.id = any(${uuidArray(ids)}::uuid[])
               on conflict do nothing`;
        await tx`update groups set updated_at = now(), version = version + 1 where org_id = ${orgId} and id = ${groupId}`;
        await audit(tx, 'scim.group.patch', 'Group', groupId, 204, t0, { method: 'PATCH', path: `/Groups/${groupId}`, membersAdded: ids.length });
      }),
    removeMembers: (groupId: string, ids: string[]) => sql`
      delete from group_members where org_id = ${orgId} and group_id = ${groupId} and member_id = any(${uuidArray(ids)}::uuid[])`,
    getGroup: (id: string) => sql`select * from groups where org_id = ${orgId} and id = ${id}`,
    /** A ListResponse page: the total, then the page in creation order (ties broken by id). */
    listPage: async (startIndex: number) => {
      await sql`select count(*) from members where org_id = ${orgId}`;
      await sql`select * from members where org_id = ${orgId} order by created_at, id limit 100 offset ${startIndex - 1}`;
    },
    deleteUser: (id: string) =>
      sql.begin(async (tx) => {
        const t0 = performance.now();
        await tx`select * from members where org_id = ${orgId} and id = ${id} for update`;
        await tx`delete from members where org_id = ${orgId} and id = ${id}`;
        await audit(tx, 'scim.user.delete', 'User', id, 204, t0, { method: 'DELETE', path: `/Users/${id}` });
      }),
  };
}

export type FloorOps = ReturnType<typeof floorOps>;

/**
 * The bare floor of each write: the row change alone, ONE autocommit statement through
 * postgres.js (no BEGIN/COMMIT, no lock, no audit row, no HTTP). What a write costs PostgreSQL
 * and the driver at the least; the write table's "× bare" is the server's rate over this one.
 * Create and PATCH return the row (the SCIM answer is the resource); DELETE returns nothing (204).
 */
export function bareFloorOps(sql: postgres.Sql, orgId: string) {
  return {
    createUser: (userName: string) => sql`
      insert into members (org_id, source, user_name, email, emails, phone_numbers, given_name, family_name, display_name, title, external_id, preferred_language, employee_number, department, organization)
      values (${orgId}, 'scim', ${userName}, ${userName}, ${sql.json([{ value: userName, type: 'work', primary: true }])}, ${sql.json([{ type: 'work', value: '+1 425 555 0109' }])}, 'Adele', 'Vance', 'Adele Vance', 'Retail Manager', ${userName}, 'en-US', '1042', 'Retail', 'Contoso')
      returning *`,
    patchUser: (id: string, title: string) => sql`
      update members set title = ${title}, department = 'Retail Ops', status = 'active', updated_at = now(), version = version + 1
      where org_id = ${orgId} and id = ${id} returning *`,
    deleteUser: (id: string) => sql`delete from members where org_id = ${orgId} and id = ${id}`,
    createGroup: (displayName: string) =>
      sql`insert into groups (org_id, display_name, external_id) values (${orgId}, ${displayName}, ${displayName}) returning *`,
  };
}

export type BareFloorOps = ReturnType<typeof bareFloorOps>;
