import type { Directory, SimGroup, SimUser } from '../directory';
import type { ScimHttpClient } from '../http-client';

export const IDPS = ['entra', 'okta', 'onelogin', 'jumpcloud'] as const;
export type IdpName = (typeof IDPS)[number];

/**
 * How one identity provider talks SCIM: its User-Agent, request bodies and the order of its
 * calls. Each step records its requests on the client; a step that fails leaves `id` unset.
 */
export type Dialect = {
  name: IdpName;
  label: string;
  userAgent: string;
  /** Members sent per membership request (override with --batch-size). */
  batchSize: number;
  /** False for IdPs that deprovision by deactivating only (Okta): deletions become deactivations. */
  deletesUsers: boolean;
  /** The IdP's "Test Connection"; false when the server refused it (no point going on). */
  probe: (client: ScimHttpClient, directory: Directory) => Promise<boolean>;
  /** Look the person up, then create them (or adopt the one found). Sets `user.id`. */
  provisionUser: (client: ScimHttpClient, user: SimUser, directory: Directory) => Promise<void>;
  /** Look the group up, then create it. Sets `group.id`. */
  provisionGroup: (client: ScimHttpClient, group: SimGroup, directory: Directory) => Promise<void>;
  /** Adds `batch` (SCIM ids); `all` is every member sent so far, this batch included. True on success. */
  addMembers: (client: ScimHttpClient, group: SimGroup, batch: string[], all: string[]) => Promise<boolean>;
  update: (client: ScimHttpClient, user: SimUser, directory: Directory) => Promise<void>;
  deactivate: (client: ScimHttpClient, user: SimUser, directory: Directory) => Promise<void>;
  remove: (client: ScimHttpClient, user: SimUser, directory: Directory) => Promise<void>;
};
