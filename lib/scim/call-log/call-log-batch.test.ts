import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { resultRows } from '@/db/result-rows';
import { toAuditRow } from '@/lib/audit/audit-row';
import { TEAM_CHANNEL } from '@/lib/live/team-change-channel';
import { scimClientFor } from '@/test/scim-harness';
import { listenOn, testDrivers } from '@/test/test-databases';
import { CallLogBatch } from './call-log-batch';

describe.each(testDrivers())('SCIM call-log batch on $driver', ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it('shares per-token counts between instances, so the limit holds across them', async () => {
    const { tokenId } = await scimClientFor(handle.db);
    // Two batches on one database: what two app instances are.
    const a = new CallLogBatch(handle.db);
    const b = new CallLogBatch(handle.db);
    for (let i = 0; i < 6; i++) expect(a.hitTokenRate(tokenId, 10).allowed).toBe(true);
    await a.flush();
    for (let i = 0; i < 4; i++) expect(b.hitTokenRate(tokenId, 10).allowed).toBe(true);
    await b.flush();
    const refused = b.hitTokenRate(tokenId, 10);
    expect(refused).toMatchObject({ allowed: false, count: 11 });
    expect(Number.isInteger(refused.retryAfterSeconds) && refused.retryAfterSeconds >= 1).toBe(true);
    // A learns B's count with its own next flush (every ~20 ms while it serves traffic).
    expect(a.hitTokenRate(tokenId, 10).allowed).toBe(true);
    await a.flush();
    expect(a.hitTokenRate(tokenId, 10)).toMatchObject({ allowed: false, count: 12 });
  });

  it('writes queued read rows and token use in one flush, and notifies each org once', async () => {
    const client = await scimClientFor(handle.db);
    const heard: string[] = [];
    const unlisten = await listenOn(handle)(TEAM_CHANNEL, (orgId) => heard.push(orgId));
    try {
      const batch = new CallLogBatch(handle.db);
      const at = new Date().toISOString();
      for (let i = 0; i < 3; i++) {
        const input = {
          orgId: client.orgId,
          action: 'scim.user.list' as const,
          actor: { type: 'token' as const, id: client.tokenId, label: 'test' },
          resourceType: 'User',
          status: 200,
          idp: 'okta',
          summary: { method: 'GET', path: '/Users', startIndex: i + 1 },
        };
        batch.logRead({ ...toAuditRow(input), occurred_at: at });
        batch.notifyTeam(client.orgId);
      }
      batch.tokenUsed({ org_id: client.orgId, id: client.tokenId, ip: '198.51.100.7', idp: 'okta', at });
      const reads = async () => (await client.auditRows()).filter((r) => r.action === 'scim.user.list');
      expect(await reads()).toHaveLength(0);
      await batch.flush();
      const rows = await reads();
      expect(rows.map((r) => r.summary.startIndex).sort()).toEqual([1, 2, 3]);
      const token = resultRows(await handle.db.execute(sql`select last_used_ip, last_used_idp from scim_tokens where id = ${client.tokenId}::uuid`))[0];
      expect(token).toMatchObject({ last_used_ip: '198.51.100.7', last_used_idp: 'okta' });
      const deadline = Date.now() + 2_000;
      while (!heard.includes(client.orgId) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard.filter((id) => id === client.orgId)).toEqual([client.orgId]);
    } finally {
      await unlisten();
    }
  });
});
