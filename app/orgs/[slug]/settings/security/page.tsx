import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { getDb } from '@/lib/database';
import { explainFailure, findSetupSignals, findSyncHealth } from '@/lib/audit/audit-activity';
import { requireOwner } from '@/lib/auth/guards';
import { scimBaseUrl } from '@/lib/scim-endpoint';
import { findScimTokens, type ScimTokenDto } from '@/lib/tokens/find-scim-tokens';
import { scopeDescriptions } from '@/lib/tokens/scopes';
import { findAccessPolicy } from '@/lib/policy/find-access-policy';
import { findHeldDeprovisions } from '@/lib/policy/find-held-deprovisions';
import { HeldDeprovisions } from './_components/held-deprovisions';
import { AddTokenDialog } from './_components/add-token-dialog';
import { OwnerRefusalNotice } from './_components/owner-refusal-notice';
import { RoleMapping } from './_components/role-mapping';
import { DirectorySyncCard, type DirectorySyncStatusDto } from './_components/directory-sync-card';
import { SetupChecklist } from './_components/setup-checklist';
import { SetupGuide } from './_components/setup-guide';
import { TokenList } from './_components/token-list';
import { SsoCard } from './_components/sso-card';
import { findSsoActivity } from '@/lib/sso/find-sso-activity';
import { findSsoConnection } from '@/lib/sso/find-sso-connection';
import { ssoRedirectUri } from '@/lib/sso/redirect-uri';
import { toSsoSettingsDto } from '@/lib/sso/sso-settings-dto';

export const metadata: Metadata = { title: 'Security' };

/** The most recently used token tells when the IdP last synced successfully and which IdP it is. */
function latestUse(tokens: ScimTokenDto[]): ScimTokenDto | undefined {
  return tokens.filter((t) => t.lastUsedAt).sort((a, b) => (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''))[0];
}

export default async function SecurityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { org } = await requireOwner((await params).slug);
  const db = await getDb();
  const [tokens, health, signals, access, held] = await Promise.all([
    findScimTokens(db, org.id),
    findSyncHealth(db, org.id),
    findSetupSignals(db, org.id),
    findAccessPolicy(db, org.id),
    findHeldDeprovisions(db, org.id),
  ]);
  const used = latestUse(tokens);
  const failure = health.latestFailure;
  const status: DirectorySyncStatusDto = {
    // From APP_URL/AUTH_URL only: never a Host header an attacker could set.
    endpoint: scimBaseUrl(),
    lastSyncAt: used?.lastUsedAt ?? null,
    idp: used?.lastUsedIdp ?? health.lastIdp,
    requests24h: health.requests24h,
    errors24h: health.errors24h,
    activeTokens: tokens.filter((t) => t.state === 'active').length,
    latestFailure: failure
      ? { key: failure.key, occurredAt: failure.occurredAt, status: failure.status, path: failure.path, explanation: explainFailure(failure) }
      : null,
  };
  const scope = scopeDescriptions['scim:manage'];
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Security</h1>
      <DirectorySyncCard slug={org.slug} orgName={org.name} status={status}>
        <OwnerRefusalNotice slug={org.slug} refusal={access.lastOwnerRefusal} />
        <HeldDeprovisions slug={org.slug} rows={held.rows} held={held.held} kept={held.kept} />
        <RoleMapping slug={org.slug} access={access} />
      </DirectorySyncCard>
      <Card title="Connect your identity provider" description="Paste the endpoint and a token into your IdP, then watch its first calls arrive here.">
        <div className="grid gap-6 lg:grid-cols-2">
          <SetupChecklist signals={signals} />
          <SetupGuide />
        </div>
      </Card>
      <SsoCard
        slug={org.slug}
        orgName={org.name}
        settings={toSsoSettingsDto(await findSsoConnection(db, org.id))}
        redirectUri={await ssoRedirectUri(org.slug)}
        activity={await findSsoActivity(db, org.id)}
      />
      <Card
        title="Tokens"
        description="Bearer tokens for the SCIM API. Several can be active at once, so you can rotate without downtime."
        actions={<AddTokenDialog slug={org.slug} scope={{ value: 'scim:manage', label: scope.label, description: scope.description }} />}
      >
        <TokenList slug={org.slug} tokens={tokens} />
      </Card>
    </div>
  );
}
