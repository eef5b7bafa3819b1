import type { Group } from '@/db/schema';
import { CORE_GROUP_URN } from '../urns';
import { etagFor } from './etag';
import { compact, type ScimResourceJson } from './user-resource';

/** A member reference as the membership query returns it (lib/groups/find-group-members). */
export type GroupMemberRef = { value: string; display: string | null };

/**
 * A group row as a SCIM Group (RFC 7643 §4.2). `members` undefined omits the attribute — the
 * caller passes undefined when `excludedAttributes=members` (or an `attributes` list without
 * it), so the membership table is never read for a response that would drop it. Only users are
 * members (nested groups are not supported), so every reference is type "User".
 */
export function toGroupResource(row: Group, members: readonly GroupMemberRef[] | undefined, baseUrl: string): ScimResourceJson {
  return compact({
    schemas: [CORE_GROUP_URN],
    id: row.id,
    externalId: row.externalId,
    displayName: row.displayName,
    // An empty member list is unassigned, like null (RFC 7643 §2.5): not returned.
    members: members?.length ? members.map((m) => compact({ value: m.value, display: m.display, $ref: `${baseUrl}/Users/${m.value}`, type: 'User' })) : null,
    meta: {
      resourceType: 'Group',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${row.id}`,
      version: etagFor(row.version),
    },
  });
}

/** The name lib/scim/operations/groups.ts uses. */
export const groupResource = toGroupResource;
