import { CopyButton } from '@/components/copy-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { idpPresets } from '@/lib/sso/idp-presets';
import type { SsoActivityDto } from '@/lib/sso/find-sso-activity';
import type { SsoSettingsDto } from '@/lib/sso/sso-settings-dto';
import { SsoActivity } from './sso-activity';
import { formatDateTime } from './format';
import { SsoForm } from './sso-form';
import { SsoGuide } from './sso-guide';

/** Settings → Security → Single sign-on: OIDC settings, redirect URI, Test sign-in and its result. */
export function SsoCard({
  slug,
  orgName,
  settings,
  redirectUri,
  activity,
}: {
  slug: string;
  orgName: string;
  settings: SsoSettingsDto | null;
  redirectUri: string;
  activity: SsoActivityDto[];
}) {
  const presets = idpPresets.map(({ id, name, issuerHint, claim, matchAttribute }) => ({ id, name, issuerHint, claim, matchAttribute }));
  return (
    <div id="single-sign-on">
      <Card
        title="Single sign-on"
        description={`People your IdP provisions sign in to ${orgName} through it (OpenID Connect), and only while the directory has them active.`}
      >
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-5">
            <div className="space-y-1">
              <label htmlFor="sso-redirect-uri" className="block text-sm font-medium text-slate-800">
                Redirect URI
              </label>
              <div className="flex flex-col gap-2 sm:flex-row">
                <input
                  id="sso-redirect-uri"
                  readOnly
                  value={redirectUri}
                  className="block w-full min-w-0 rounded-md border-0 bg-slate-50 px-3 py-2 font-mono text-sm ring-1 ring-inset ring-slate-300"
                />
                <div className="shrink-0">
                  <CopyButton value={redirectUri} label="Copy redirect URI" />
                </div>
              </div>
              <p className="text-xs text-slate-500">Paste it into your IdP’s app as the (sign-in) redirect URI.</p>
            </div>
            <SsoForm slug={slug} settings={settings} presets={presets} />
            {settings ? (
              <div className="space-y-2 border-t border-slate-200 pt-4" data-testid="sso-test">
                <div className="flex flex-wrap items-center gap-3">
                  {/* A plain link: the browser must go to the IdP and come back. */}
                  <a
                    href={`/api/sso/${encodeURIComponent(slug)}/start?mode=test`}
                    className="inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
                  >
                    Test sign-in
                  </a>
                  {settings.test ? (
                    <Badge tone={settings.test.ok ? 'success' : 'danger'}>{settings.test.ok ? 'Test passed' : 'Test failed'}</Badge>
                  ) : (
                    <Badge>Not tested yet</Badge>
                  )}
                </div>
                {settings.test ? (
                  <p role="status" className={`rounded-md px-3 py-2 text-sm ${settings.test.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>
                    {settings.test.message} <span className="text-xs opacity-75">({formatDateTime(settings.test.at)})</span>
                  </p>
                ) : (
                  <p className="text-sm text-slate-600">Sign in once at your IdP yourself before members rely on it.</p>
                )}
              </div>
            ) : null}
          </div>
          <div className="space-y-6">
            <SsoGuide />
            <section aria-labelledby="sso-activity-title" className="space-y-2">
              <h3 id="sso-activity-title" className="text-sm font-semibold text-slate-900">
                Sign-in activity
              </h3>
              <SsoActivity events={activity} />
            </section>
          </div>
        </div>
      </Card>
    </div>
  );
}
