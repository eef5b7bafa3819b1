/** Case-insensitive writes to JSON objects: SCIM attribute names are case-insensitive (RFC 7643 §2.1). */
import type { JsonObject } from '@/lib/json-object';

/** Sets `name` in its canonical case, dropping any differently-cased copy. */
export function setKey(object: JsonObject, name: string, value: unknown): void {
  deleteKey(object, name);
  object[name] = value;
}

export function deleteKey(object: JsonObject, name: string): void {
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) delete object[key];
}
