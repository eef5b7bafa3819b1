import { and, eq } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { Db } from '@/db/client';
import { addMember } from '@/lib/members/add-member';
import type { ScimClient } from './scim-harness';
import { GROUP_SCHEMA, userBody } from './scim-harness';

export const SYSTEM = { type: 'system', label: 'test' } as const;

/** The org owner's member row (the person who signed up). */
export async function ownerOf(db: Db, client: ScimClient) {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.orgId, client.orgId), eq(members.accountId, client.ownerAccountId)));
  if (!row) throw new Error('no owner');
  return row;
}

export async function memberRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, id)));
  return row;
}

/** A person added by hand, as an owner would on the team page. */
export async function addByHand(db: Db, orgId: string, email: string, role: 'owner' | 'admin' | 'member' = 'member') {
  return (await addMember(db, orgId, { givenName: email.split('@')[0] ?? email, familyName: 'Person', email, role }, SYSTEM)).memberId;
}

export async function scimUser(client: ScimClient, userName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const reply = await client.call('POST', '/Users', userBody(userName, extra));
  if (reply.status !== 201) throw new Error(`create ${userName}: ${reply.status} ${reply.text}`);
  return String(reply.json?.id);
}

export async function scimGroup(client: ScimClient, displayName: string, memberIds: string[] = []): Promise<string> {
  const reply = await client.call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName, members: memberIds.map((value) => ({ value })) });
  if (reply.status !== 201) throw new Error(`group ${displayName}: ${reply.status} ${reply.text}`);
  return String(reply.json?.id);
}
