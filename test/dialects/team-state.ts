import { and, eq } from 'drizzle-orm';
import { groupMembers, groups, members } from '@/db/schema';
import type { Db } from '@/db/client';

/**
 * Team state for the dialect tests: what the team page and the groups page would show, read
 * straight from the tables (members, groups, group_members) rather than through SCIM.
 */
export function teamState(db: Db, orgId: string) {
  return {
    /** One member row of this org, or undefined when the person is not on the team. */
    async member(id: string) {
      const [row] = await db
        .select()
        .from(members)
        .where(and(eq(members.orgId, orgId), eq(members.id, id)));
      return row;
    },
    /** userNames of the SCIM-provisioned people on the team, sorted (the owner signed up by hand). */
    async scimUserNames() {
      const rows = await db
        .select({ userName: members.userName })
        .from(members)
        .where(and(eq(members.orgId, orgId), eq(members.source, 'scim')));
      return rows.map((r) => r.userName).sort();
    },
    async group(id: string) {
      const [row] = await db
        .select()
        .from(groups)
        .where(and(eq(groups.orgId, orgId), eq(groups.id, id)));
      return row;
    },
    async groupNames() {
      const rows = await db.select({ name: groups.displayName }).from(groups).where(eq(groups.orgId, orgId));
      return rows.map((r) => r.name).sort();
    },
    /** Member ids of a group, sorted. */
    async groupMemberIds(groupId: string) {
      const rows = await db
        .select({ id: groupMembers.memberId })
        .from(groupMembers)
        .where(and(eq(groupMembers.orgId, orgId), eq(groupMembers.groupId, groupId)));
      return rows.map((r) => r.id).sort();
    },
    /** Group ids a member belongs to. */
    async groupsOf(memberId: string) {
      const rows = await db
        .select({ id: groupMembers.groupId })
        .from(groupMembers)
        .where(and(eq(groupMembers.orgId, orgId), eq(groupMembers.memberId, memberId)));
      return rows.map((r) => r.id).sort();
    },
  };
}

/** `?filter=…` (plus any extra query) as an IdP URL-encodes it. */
export const withFilter = (path: string, filter: string, extra = '') => `${path}?${extra ? `${extra}&` : ''}filter=${encodeURIComponent(filter)}`;

export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The empty ListResponse Entra's Test Connection and Okta's pre-create lookup expect. */
export const EMPTY_LIST = { schemas: [LIST_RESPONSE], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] };

export const sorted = (...ids: string[]) => [...ids].sort();
