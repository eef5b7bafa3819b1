/**
 * Why an SSO sign-in was refused: the audit row's reason and the page's explanation. The detail
 * (a library message, a claim name) goes to the audit log for owners, never a token or a secret.
 */
export const ssoRefusalReasons = [
  'flow_expired',
  'wrong_org',
  'idp_error',
  'not_provisioned',
  'suspended',
  'claim_mismatch',
  'claim_missing',
  'not_configured',
] as const;
export type SsoRefusalReason = (typeof ssoRefusalReasons)[number];

export type SsoRefusal = { ok: false; reason: SsoRefusalReason; message: string; detail?: string };

export function refusal(reason: SsoRefusalReason, message: string, detail?: string): SsoRefusal {
  return { ok: false, reason, message, ...(detail ? { detail } : {}) };
}

/** What the refused page says for each reason (the person is not an admin: say whom to ask). */
export const refusalMessages: Record<SsoRefusalReason, string> = {
  flow_expired: 'This sign-in expired or was already used. Start again from the sign-in page.',
  wrong_org: 'This answer from your identity provider was for another organization. Start again from the sign-in page.',
  idp_error: 'Your identity provider’s answer could not be verified. Try again; if it keeps failing, ask an owner to check the single sign-on settings.',
  not_provisioned: 'You are not on this team in Roster yet. Ask your IT team to assign Roster to you in your identity provider.',
  suspended: 'Your access was suspended by your organization’s directory.',
  claim_mismatch: 'Your identity provider account does not match the person Roster has on this team. Ask an owner of the organization to check it.',
  claim_missing: 'Your identity provider did not send what Roster matches people on. Ask an owner to check the single sign-on settings.',
  not_configured: 'This organization does not use single sign-on.',
};
