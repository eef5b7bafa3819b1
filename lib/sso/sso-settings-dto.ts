import type { SsoConnection, SsoIdp, SsoMatchAttribute } from '@/db/schema';

/** What the Single sign-on card shows: never the client secret, encrypted or not. */
export type SsoSettingsDto = {
  idp: SsoIdp;
  issuer: string;
  clientId: string;
  claim: string;
  matchAttribute: SsoMatchAttribute;
  requireSso: boolean;
  jitEnabled: boolean;
  jitRole: 'member' | 'admin';
  test: { at: string; ok: boolean; message: string } | null;
  updatedAt: string;
};

export function toSsoSettingsDto(row: SsoConnection | null): SsoSettingsDto | null {
  if (!row) return null;
  return {
    idp: row.idp,
    issuer: row.issuer,
    clientId: row.clientId,
    claim: row.claim,
    matchAttribute: row.matchAttribute,
    requireSso: row.requireSso,
    jitEnabled: row.jitEnabled,
    jitRole: row.jitRole === 'admin' ? 'admin' : 'member',
    test: row.testedAt && row.testOk !== null ? { at: row.testedAt.toISOString(), ok: row.testOk, message: row.testMessage ?? '' } : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
