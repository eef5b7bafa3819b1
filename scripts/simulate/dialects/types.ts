import type { IdpFacts } from '@/test/idp-behaviour/facts';
import type { ScimHttpClient } from '../../shared/http-client';
import type { Directory, SimGroup, SimUser } from '../directory';

export { IDPS, type IdpName } from '@/test/idp-behaviour/facts';

/**
 * How one identity provider talks SCIM, in the order of its calls. Who it is, its bodies and its
 * batch size come from its description in test/idp-behaviour (`facts`), which the per-IdP tests
 * read too. Each step records its requests on the client; a step that fails leaves `id` unset.
 */
export type Dialect = {
  facts: IdpFacts;
  /** The IdP's "Test Connection"; false when the server refused it (no point going on). */
  probe: (client: ScimHttpClient, directory: Directory) => Promise<boolean>;
  /** Look the person up, then create them (or adopt the one found). Sets `user.id`. */
  provisionUser: (client: ScimHttpClient, user: SimUser, directory: Directory) => Promise<void>;
  /** Look the group up, then create it. Sets `group.id`. */
  provisionGroup: (client: ScimHttpClient, group: SimGroup, directory: Directory) => Promise<void>;
  /** Adds `batch` (SCIM ids) to the group. True on success. */
  addMembers: (client: ScimHttpClient, group: SimGroup, batch: string[]) => Promise<boolean>;
  update: (client: ScimHttpClient, user: SimUser, directory: Directory) => Promise<void>;
  deactivate: (client: ScimHttpClient, user: SimUser, directory: Directory) => Promise<void>;
  remove: (client: ScimHttpClient, user: SimUser, directory: Directory) => Promise<void>;
};
