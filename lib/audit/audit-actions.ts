import { z } from 'zod';
import { memberRoles } from '@/db/schema/members';
import { scimBodyFields, scimGroupFields, scimPatchFields, scimQueryFields, scimRequestFields, scimUserFields, type ScimRequestSummary } from './scim-summary';

/**
 * Every audit action Roster writes, each with the shape of its `summary` (one zod schema per
 * action, as documenso types its audit log's data per event type: packages/lib/types/
 * document-audit-logs.ts). Dotted, lower-case, present tense (docs/architecture.md). The sync
 * log is the `scim.*` part.
 *
 * WARNING: summaries are stored as jsonb in audit_events. Renaming or retyping a key needs a
 * migration of old rows (db/migrations) or readers that accept both shapes.
 *
 * The schemas are strict: a key an action does not declare fails them. They are checked when a
 * UI action is written (cheap: a handful a second) and, for the SCIM hot path, by the tests:
 * every audit row any test writes is parsed when its database closes (test/test-databases.ts).
 */

const role = z.enum(memberRoles);
const none = z.strictObject({});

const scimOnly = z.strictObject(scimRequestFields);
const scimQuery = z.strictObject({ ...scimRequestFields, ...scimQueryFields });
const scimUserWrite = z.strictObject({ ...scimRequestFields, ...scimBodyFields, ...scimUserFields });
const scimUserPatch = z.strictObject({ ...scimRequestFields, ...scimPatchFields, ...scimUserFields });
const scimGroupWrite = z.strictObject({ ...scimRequestFields, ...scimGroupFields });
const scimGroupPatch = z.strictObject({ ...scimRequestFields, ...scimPatchFields, ...scimGroupFields });

export const auditSummarySchemas = {
  'org.create': z.strictObject({ slug: z.string(), ownerMemberId: z.string().optional() }),
  'member.create': z.strictObject({ role, source: z.enum(['manual', 'sso-jit']) }),
  'member.remove': none,
  'member.role.set': z.strictObject({ role }),
  'member.invite.create': z.strictObject({ reissue: z.boolean() }),
  'member.invite.accept': none,
  'policy.update': z.strictObject({
    defaultRole: role.optional(),
    adoptionEnabled: z.boolean().optional(),
    guardEnabled: z.boolean().optional(),
    guardThreshold: z.number().nullable().optional(),
    rolesMoved: z.number(),
  }),
  'policy.role-mapping.set': z.strictObject({ group: z.string(), role: z.union([role, z.literal('none')]), rolesMoved: z.number() }),
  'policy.deprovision.allow': z.strictObject({ suspended: z.number(), deleted: z.number() }),
  'policy.deprovision.keep': z.strictObject({ kept: z.number() }),
  'policy.deprovision.release': z.strictObject({ released: z.number() }),
  // Names and settings only: the client secret is never here (newClientKey says one was saved).
  'sso.config.update': z.strictObject({
    idp: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    claim: z.string(),
    matchAttribute: z.string(),
    requireSso: z.boolean(),
    jitEnabled: z.boolean(),
    jitRole: role,
    newClientKey: z.boolean(),
    created: z.boolean(),
  }),
  'sso.test': z.strictObject({ ok: z.boolean(), message: z.string() }),
  'sso.sign_in': z.strictObject({ firstSignIn: z.boolean(), claim: z.string(), matchAttribute: z.string(), subject: z.string() }),
  'sso.sign_in.refuse': z.strictObject({ reason: z.string(), message: z.string(), detail: z.string().optional(), subject: z.string().optional() }),
  'token.create': z.strictObject({ name: z.string(), scopes: z.array(z.string()), prefix: z.string(), expiresAt: z.string().nullable() }),
  'token.revoke': z.strictObject({ name: z.string(), prefix: z.string() }),
  'scim.user.create': scimUserWrite,
  'scim.user.read': scimQuery,
  'scim.user.list': scimQuery,
  'scim.user.replace': scimUserWrite,
  'scim.user.patch': scimUserPatch,
  'scim.user.delete': scimOnly,
  'scim.group.create': scimGroupWrite,
  'scim.group.read': scimQuery,
  'scim.group.list': scimQuery,
  'scim.group.replace': scimGroupWrite,
  'scim.group.patch': scimGroupPatch,
  'scim.group.delete': scimGroupWrite,
  'scim.discovery.read': scimOnly,
  'scim.root.search': scimQuery,
  'scim.auth.fail': scimOnly,
  'scim.request.invalid': scimOnly,
} as const;

export type AuditAction = keyof typeof auditSummarySchemas;
export const auditActions = Object.keys(auditSummarySchemas) as AuditAction[];
export const auditActionSchema = z.enum(auditActions as [AuditAction, ...AuditAction[]]);

/** The sync log's actions. */
export type ScimAction = Extract<AuditAction, `scim.${string}`>;
export function isScimAction(action: string): action is ScimAction {
  return action.startsWith('scim.') && action in auditSummarySchemas;
}

/**
 * What a writer passes as the summary of action A. A SCIM request's summary is built before the
 * route decides its action, so every scim.* action takes the one SCIM type (a misspelt key still
 * does not compile); which keys each scim action holds is checked by its schema in the tests.
 */
export type AuditSummary<A extends AuditAction> = A extends ScimAction ? ScimRequestSummary : z.input<(typeof auditSummarySchemas)[A]>;

export type AuditActor =
  { type: 'account'; id: string; label: string } | { type: 'token'; id: string; label: string } | { type: 'system'; id?: undefined; label: string };
