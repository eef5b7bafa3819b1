import 'server-only';
import { getEnvAppUrl } from '@/lib/app-url';

/** The URL owners paste into their IdP; one per org, so a callback names the org it is for. */
export async function ssoRedirectUri(slug: string): Promise<string> {
  return `${await getEnvAppUrl()}/api/sso/${encodeURIComponent(slug)}/callback`;
}
