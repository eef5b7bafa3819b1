import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/db/client';
import { groupMembers, groups, members } from '@/db/schema';
import { handleScimRequest } from '@/lib/scim/handler';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { seedOrg } from '@/test/seed';
import { parseCli, UsageError } from './simulate/args';
import { simulate } from './simulate/cycle';
import { IDPS } from './simulate/dialects';

// The simulator's whole cycle, over real HTTP, against lib/scim on an in-memory PGlite.
let handle: DbHandle;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  handle = await createDb({ dataDir: 'memory://' });
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- test server: vitest fails the run on its unhandled rejection
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`${baseUrl.replace(/\/api\/scim\/v2$/, '')}${req.url}`, {
        method: req.method,
        headers,
        body: body.length ? body : undefined,
      });
      const response = await handleScimRequest(request, { db: handle.db, baseUrl, clientIp: '127.0.0.1' });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/scim/v2`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
});

describe.each(IDPS)('npm run simulate --idp %s', (idp) => {
  it('plays a whole cycle with no errors and leaves the team the IdP expects', async () => {
    const org = await seedOrg(handle.db, `sim-${idp}`);
    const token = await createScimToken(handle.db, org.orgId, { name: idp, scopes: ['scim:manage'] }, { type: 'system', label: 'test' });
    const result = await simulate({
      idp,
      url: baseUrl,
      token: token.secret,
      users: 20,
      groups: 3,
      groupSize: 8,
      changes: 10,
      concurrency: 4,
      batchSize: 3,
      timeoutMs: 20_000,
      maxSeconds: 60,
    });
    expect(result.samples).toEqual([]);
    expect(result).toMatchObject({ errors: 0, stoppedEarly: null });
    const deletes = idp === 'okta' ? 0 : 2;
    expect(result.expected).toEqual({
      users: 20 - deletes,
      active: 20 - deletes - (idp === 'okta' ? 4 : 2),
      suspended: idp === 'okta' ? 4 : 2,
      groups: 3,
      memberships: result.expected.memberships,
    });
    const scim = and(eq(members.orgId, org.orgId), eq(members.source, 'scim'));
    const [people] = await handle.db.select({ n: count() }).from(members).where(scim);
    const [suspended] = await handle.db
      .select({ n: count() })
      .from(members)
      .where(and(scim, eq(members.status, 'suspended')));
    const [groupCount] = await handle.db.select({ n: count() }).from(groups).where(eq(groups.orgId, org.orgId));
    const [links] = await handle.db.select({ n: count() }).from(groupMembers).where(eq(groupMembers.orgId, org.orgId));
    expect({ people: people?.n, suspended: suspended?.n, groups: groupCount?.n, links: links?.n }).toEqual({
      people: result.expected.users,
      suspended: result.expected.suspended,
      groups: 3,
      links: result.expected.memberships,
    });
    // 24 memberships were sent; deleted people left their groups.
    expect(result.expected.memberships).toBeGreaterThan(24 - 2 * 3);
    expect(result.expected.memberships).toBeLessThanOrEqual(24);
  });
});

describe('simulate flags', () => {
  const base = ['--idp', 'entra', '--url', 'http://localhost:3000/api/scim/v2', '--token', 'rst_x'];
  it('rejects bad flags with a message that names the flag', () => {
    expect(() => parseCli(['--idp', 'google', '--url', 'http://x', '--token', 't'])).toThrow(/--idp must be one of entra, okta, onelogin, jumpcloud/);
    expect(() => parseCli([...base, '--users', 'ten'])).toThrow(/--users must be a whole number/);
    expect(() => parseCli([...base, '--users', '10', '--group-size', '11'])).toThrow(/--group-size/);
    expect(() => parseCli([...base, '--bogus'])).toThrow(UsageError);
    expect(() => parseCli(['--idp', 'okta', '--url', 'http://x'], {})).toThrow(/--token is required/);
  });
  it('takes the token from SCIM_TOKEN and answers --help', () => {
    expect(parseCli(['--idp', 'okta', '--url', 'http://x/api/scim/v2'], { SCIM_TOKEN: 'rst_env' })).toMatchObject({
      help: false,
      options: { token: 'rst_env', users: 100, concurrency: 8 },
    });
    expect(parseCli(['--help'])).toEqual({ help: true });
  });
});
