import { sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import type { Checks } from './check';
import { groupBody, patch } from '../shared/scim';
import { scimFetch } from '../shared/scim-fetch';

/**
 * The app process is killed (SIGKILL) while it applies a 5,000-member PATCH. After a restart
 * the group holds all of those members or none: one transaction, nothing half written.
 */
export async function killDuringPatch(
  checks: Checks,
  restart: () => Promise<{ url: string; kill: () => void }>,
  db: { url: string; orgId: string; token: string; memberIds: string[] },
): Promise<void> {
  let server = await restart();
  const created = await scimFetch(server.url, db.token, 'POST', '/Groups', groupBody('Kill test'));
  const groupId = String(created.json?.id);
  const handle = await createDb({ url: db.url, poolSize: 1 });
  const outcomes: number[] = [];
  try {
    for (const delayMs of [5, 25, 60, 120, 250, 500]) {
      const body = patch({ op: 'add', path: 'members', value: db.memberIds.map((value) => ({ value })) });
      const sending = scimFetch(server.url, db.token, 'PATCH', `/Groups/${groupId}`, body, 20_000);
      await new Promise((r) => setTimeout(r, delayMs));
      server.kill();
      await sending;
      server = await restart();
      const [row] = resultRows(
        await handle.db.execute(sql`select count(*)::int as n from group_members where org_id = ${db.orgId}::uuid and group_id = ${groupId}::uuid`),
      );
      const n = Number(row?.n);
      outcomes.push(n);
      checks.check(`SIGKILL ${delayMs} ms into a 5,000-member PATCH leaves all or none`, n === 0 || n === db.memberIds.length, `${n} members`);
      if (n > 0) await scimFetch(server.url, db.token, 'PATCH', `/Groups/${groupId}`, patch({ op: 'remove', path: 'members' }));
    }
  } finally {
    await handle.close();
    server.kill();
  }
  console.log(`sigkill outcomes (members after restart): ${outcomes.join(', ')}`);
}
