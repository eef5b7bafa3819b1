/** SCIM 2.0 names and bodies every script sends (RFC 7643 §8.7.1 schema URIs, RFC 7644 §3.5.2 PatchOp). */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** `?filter=<attr> eq "<value>"` plus any extra query, encoded as IdPs send it. */
export function filterQuery(attribute: string, value: string, extra = ''): string {
  return `?filter=${encodeURIComponent(`${attribute} eq "${value}"`)}${extra}`;
}

/** A PatchOp body with these operations. */
export function patch(...operations: Record<string, unknown>[]): { schemas: string[]; Operations: Record<string, unknown>[] } {
  return { schemas: [PATCH_SCHEMA], Operations: operations };
}

/** The smallest useful User: userName, one work email, active. */
export const userBody = (userName: string) => ({
  schemas: [USER_SCHEMA],
  userName,
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
});

/** A Group with no members. */
export const groupBody = (displayName: string) => ({ schemas: [GROUP_SCHEMA], displayName });
