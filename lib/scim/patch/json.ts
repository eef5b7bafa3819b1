/** Case-insensitive access to JSON objects: SCIM attribute names are case-insensitive (RFC 7643 §2.1). */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function findKey(object: JsonObject, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

export function getKey(object: JsonObject, name: string): unknown {
  const key = findKey(object, name);
  return key === undefined ? undefined : object[key];
}

/** Sets `name` in its canonical case, dropping any differently-cased copy. */
export function setKey(object: JsonObject, name: string, value: unknown): void {
  deleteKey(object, name);
  object[name] = value;
}

export function deleteKey(object: JsonObject, name: string): void {
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) delete object[key];
}

/** Null and "" both mean "no value" (RFC 7643 §2.5: unassigned ≡ null; Entra clears with ""). */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}
