import { z } from 'zod';

/**
 * The summary of one SCIM request in the sync log: names, counts and paths, never values of
 * secrets (lib/audit/redact.ts masks what slips through). Every key any SCIM request may write
 * is declared here once; audit-actions.ts picks, per action, which of them that action writes.
 *
 * WARNING: these keys are stored in audit_events.summary (jsonb). Renaming one needs a migration
 * of old rows (see db/migrations/0008_*: `attributes` of reads became `requestedAttributes`).
 */

const strings = z.array(z.string());

/** Set by the handler on every request, whatever it did. */
export const scimRequestFields = {
  method: z.string(),
  /** The path after /api/scim/v2, cut at 300 characters. */
  path: z.string(),
  /** What the IdP was answered when the request failed (RFC 7644 §3.12). */
  error: z.strictObject({ scimType: z.string().optional(), detail: z.string().optional() }).optional(),
  /** The access-policy rule that refused or held the change (lib/policy/owner-guard.ts). */
  policy: z.enum(['last-owner', 'deprovision-held', 'deprovision-kept']).optional(),
  /** A 500's id in the server log. */
  requestId: z.string().optional(),
  /** Dialect adaptations Roster applied to the request (docs/architecture.md). */
  adaptations: strings.optional(),
  /** Attributes the request sent that Roster does not store. */
  ignoredAttributes: strings.optional(),
  notes: strings.optional(),
  /** The person's userName or the group's displayName at the time of the request (issue 13). */
  resourceName: z.string().optional(),
};

/** A read or a list: the query's parameters (RFC 7644 §3.4.2, §3.4.3 and §3.9). */
export const scimQueryFields = {
  filter: z.string().optional(),
  startIndex: z.number().optional(),
  count: z.number().optional(),
  /**
   * The `attributes` parameter: which attributes the IdP asked to get back (RFC 7644 §3.9).
   * Stored as `attributes` before migration 0008, which meant "sent" on writes.
   */
  requestedAttributes: strings.optional(),
  /** The `excludedAttributes` parameter (RFC 7644 §3.9). */
  excludedAttributes: strings.optional(),
};

/** A create or replace: the top-level attribute names the body sent (names only, never values). */
export const scimBodyFields = {
  attributes: strings.optional(),
};

/** A PATCH's operations as "op path", or "op" and the keys of its value (RFC 7644 §3.5.2). */
export const scimPatchFields = {
  ops: z.array(z.strictObject({ op: z.string(), path: z.string().optional(), keys: strings.optional() })).optional(),
};

/** A user create that took over a person already on the team (lib/policy/adoption.ts). */
export const scimUserFields = {
  adopted: z.literal(true).optional(),
};

/** A group write: its members and the roles that moved with them (lib/scim/operations/group-*.ts). */
export const scimGroupFields = {
  memberCount: z.number().optional(),
  membersAdded: z.number().optional(),
  membersRemoved: z.number().optional(),
  membersRemovedAll: z.literal(true).optional(),
  membersReplacedWith: z.number().optional(),
  rolesMoved: z.number().optional(),
};

/**
 * Every key a SCIM request can write. The handler builds the summary before it knows which
 * operation will run, so this is its compile-time type (a misspelt key does not compile); the
 * per-action schemas in audit-actions.ts say which of these each action may hold.
 */
export const scimRequestSummarySchema = z.strictObject({
  ...scimRequestFields,
  ...scimQueryFields,
  ...scimBodyFields,
  ...scimPatchFields,
  ...scimUserFields,
  ...scimGroupFields,
});
export type ScimRequestSummary = z.input<typeof scimRequestSummarySchema>;
