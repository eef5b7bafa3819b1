import { parseJsonObject } from '@/lib/parse-json-object';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import type { Db } from '@/db/client';
import { flushScimCallLog } from '@/lib/scim/call-log/call-log-batch';
import { handleScimRequest } from '@/lib/scim/handler';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { assertNoSecretIn, registerPasswordsIn } from './secret-registry';
import { seedOrg } from './seed';

export const BASE_URL = 'https://roster.test/api/scim/v2';

export type ScimReply = { status: number; headers: Headers; json: Record<string, unknown> | null; text: string };

export type ScimClient = {
  orgId: string;
  /** The org's slug, its owner's account and email (the owner is the org's first member). */
  slug: string;
  ownerAccountId: string;
  ownerEmail: string;
  token: string;
  tokenId: string;
  /** Sends a real Request through lib/scim, as the route handler does. */
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ScimReply>;
  /** The org's sync-log rows, newest first. */
  auditRows: () => Promise<(typeof auditEvents.$inferSelect)[]>;
};

/** A fresh org with a SCIM token, and a client that speaks to handleScimRequest over real Requests. */
export async function scimClientFor(db: Db, options: { userAgent?: string; clientIp?: string; tokenRatePerMinute?: number } = {}): Promise<ScimClient> {
  const org = await seedOrg(db, 'scim');
  const token = await createScimToken(db, org.orgId, { name: 'test', scopes: ['scim:manage'] }, { type: 'system', label: 'test' });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = {
      method,
      headers: {
        authorization: `Bearer ${token.secret}`,
        ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
        ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    };
    registerPasswordsIn(typeof body === 'string' ? parseJsonObject(body) : body, 'password sent over SCIM');
    const response = await handleScimRequest(new Request(`${BASE_URL}${path}`, init), {
      db,
      baseUrl: BASE_URL,
      clientIp: options.clientIp ?? '203.0.113.9',
      tokenRatePerMinute: options.tokenRatePerMinute,
    });
    const text = await response.text();
    // No token, invite or password ever comes back, in a body, an error detail or a header.
    assertNoSecretIn(`${[...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`, `the response to ${method} ${path.slice(0, 80)}`);
    const json = parseJsonObject(text);
    return { status: response.status, headers: response.headers, json, text };
  };
  // Reads' sync-log rows leave in batches (lib/scim/call-log): write the pending ones first.
  const auditRows = async () => {
    await flushScimCallLog(db);
    return auditRowsNow();
  };
  const auditRowsNow = () =>
    db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id));
  return { orgId: org.orgId, slug: org.slug, ownerAccountId: org.accountId, ownerEmail: org.email, token: token.secret, tokenId: token.id, call, auditRows };
}

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export function userBody(userName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ value: userName.includes('@') ? userName : `${userName}@example.test`, type: 'work', primary: true }],
    active: true,
    ...extra,
  };
}

export function patchBody(...operations: unknown[]) {
  return { schemas: [PATCH_SCHEMA], Operations: operations };
}
