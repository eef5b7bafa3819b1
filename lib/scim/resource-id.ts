const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Roster's SCIM ids are UUIDs. Anything else cannot exist, and is answered 404 without a query:
 * a failed cast would abort the request's transaction, audit row included.
 */
export function isResourceId(id: string | undefined): id is string {
  return id !== undefined && UUID.test(id);
}
