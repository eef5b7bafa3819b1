/** Schema URNs (RFC 7643 §8.7.1, §4.3) that may prefix attribute names in filters and paths. */
export const CORE_USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export const KNOWN_SCHEMA_URNS = [CORE_USER_URN, CORE_GROUP_URN, ENTERPRISE_USER_URN] as const;

/** URNs are compared case-insensitively (RFC 7643 §2.1: schema URIs are case-insensitive). */
export function sameUrn(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
