/**
 * Shapes for the pure PATCH engine (RFC 7644 §3.5.2). A SCIM User is handled as plain JSON in
 * its wire shape, so this module depends on no row mapper: lib/scim/resources turns rows into
 * this shape and back. Enterprise attributes live under the ENTERPRISE_USER_URN key.
 */
export type ScimUserJson = Record<string, unknown>;

export const PATCH_OPS = ['add', 'remove', 'replace'] as const;
export type PatchOpName = (typeof PATCH_OPS)[number];

/** One validated operation: op lower-cased, empty path dropped. */
export type PatchOperation = {
  op: PatchOpName;
  path?: string;
  /** `value` as sent; `hasValue` tells an absent value from an explicit null. */
  value: unknown;
  hasValue: boolean;
  /** Position in Operations, for error details. */
  index: number;
};

export type UserPatchResult = {
  resource: ScimUserJson;
  /** Dialect adaptations applied (deduplicated), for the sync log. */
  adaptations: string[];
};

/**
 * Membership changes, applied by the caller as set-based SQL without loading the group.
 * Final membership is: `replaceAll` when present; else `add` when `removeAll`;
 * else (current − remove) ∪ add. `add` and `remove` never share an id.
 */
export type MemberChanges = {
  add: string[];
  remove: string[];
  replaceAll?: string[];
  removeAll?: boolean;
};

export type GroupPatchPlan = {
  displayName?: string;
  /** null clears it. */
  externalId?: string | null;
  members: MemberChanges;
  adaptations: string[];
};
