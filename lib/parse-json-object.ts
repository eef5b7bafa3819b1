import { isJsonObject } from './json-object';

/** A response body as a JSON object, or null when it is empty, not JSON, or not an object. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}
