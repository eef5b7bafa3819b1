/**
 * Every SCIM schema URN Roster reads or writes, in one place (issue 16). URNs compare without
 * regard to case (RFC 7643 §2.1): use `sameUrn`, never `===`.
 */

/** Resource schemas (RFC 7643 §8.7.1) and the enterprise User extension (§4.3). */
export const CORE_USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** The schemas whose URNs may prefix attribute names in filters and paths (RFC 7644 §3.10). */
export const KNOWN_SCHEMA_URNS = [CORE_USER_URN, CORE_GROUP_URN, ENTERPRISE_USER_URN] as const;

/** Discovery documents (RFC 7643 §5, §6, §7). */
export const SERVICE_PROVIDER_CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/** Protocol messages (RFC 7644 §3.4.2, §3.5.2, §3.12). */
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export function sameUrn(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
