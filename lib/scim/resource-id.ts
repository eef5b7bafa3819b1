import { isUuid } from '@/lib/uuid';

/**
 * Roster's SCIM ids are UUIDs. Anything else cannot exist, and is answered 404 without a query:
 * a failed cast would abort the request's transaction, audit row included.
 */
export function isResourceId(id: string | undefined): id is string {
  return id !== undefined && isUuid(id);
}
