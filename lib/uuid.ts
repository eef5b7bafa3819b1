/** A UUID in its text form, any case (RFC 9562 §4). Roster's ids are UUIDs (db/schema). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be an id: anything else is known absent without a query (a failed cast would abort the transaction). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
