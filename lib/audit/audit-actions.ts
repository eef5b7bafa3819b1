import { z } from 'zod';

/**
 * Every audit action Roster writes. Dotted, lower-case, present tense (docs/architecture.md).
 * The sync log is the `scim.*` part.
 */
export const auditActions = [
  'org.create',
  'member.create',
  'member.remove',
  'member.role.set',
  'member.invite.create',
  'member.invite.accept',
  'policy.update',
  'policy.role-mapping.set',
  'policy.deprovision.allow',
  'policy.deprovision.keep',
  'policy.deprovision.release',
  'sso.config.update',
  'sso.test',
  'sso.sign_in',
  'sso.sign_in.refuse',
  'token.create',
  'token.revoke',
  'scim.user.create',
  'scim.user.read',
  'scim.user.list',
  'scim.user.replace',
  'scim.user.patch',
  'scim.user.delete',
  'scim.group.create',
  'scim.group.read',
  'scim.group.list',
  'scim.group.replace',
  'scim.group.patch',
  'scim.group.delete',
  'scim.discovery.read',
  'scim.root.search',
  'scim.auth.fail',
  'scim.request.invalid',
] as const;

export const auditActionSchema = z.enum(auditActions);
export type AuditAction = (typeof auditActions)[number];

export type AuditActor =
  { type: 'account'; id: string; label: string } | { type: 'token'; id: string; label: string } | { type: 'system'; id?: undefined; label: string };
