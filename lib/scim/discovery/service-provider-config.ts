import { MAX_BODY_BYTES } from '../read-body';
import { MAX_PAGE_SIZE } from '../schemas/list-query';
import { SERVICE_PROVIDER_CONFIG_SCHEMA } from '../urns';
import { deepFreeze } from './deep-freeze';

/**
 * What Roster supports (RFC 7643 §5), and only that: Okta and Entra read this to decide what
 * to send. Bulk is not supported (/Bulk answers 501); passwords are never accepted, so no
 * changePassword; sort and ETags (If-Match) are.
 */
const CONFIG = deepFreeze({
  schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: MAX_BODY_BYTES },
  filter: { supported: true, maxResults: MAX_PAGE_SIZE },
  changePassword: { supported: false },
  sort: { supported: true },
  etag: { supported: true },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'OAuth Bearer Token',
      description: 'A Roster SCIM token (Settings → Security → Directory Sync) with the Manage SCIM scope, sent as "Authorization: Bearer <token>".',
      specUri: 'https://www.rfc-editor.org/info/rfc6750',
      primary: true,
    },
  ],
} as const);

/** GET /ServiceProviderConfig. */
export function serviceProviderConfig(baseUrl: string) {
  return { ...CONFIG, meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` } };
}
