import { z } from 'zod';
import { invalidValue } from '../errors';
import type { ParseNotes } from './notes';

/** Longest string Roster keeps, except userName and Group displayName (256, see MAX_NAME_LENGTH). */
export const MAX_STRING_LENGTH = 1024;
/** userName and Group displayName: names people read and type, and that unique indexes hold. */
export const MAX_NAME_LENGTH = 256;

/** An optional string attribute; null and "" clear it (RFC 7643 §2.5). */
export const optionalText = z.string({ error: 'must be a string' }).max(MAX_STRING_LENGTH, `must be at most ${MAX_STRING_LENGTH} characters`).nullish();

/** A required name: non-blank, ≤ 256 characters. */
export const requiredName = z
  .string({ error: 'must be a string' })
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .refine((value) => value.trim() !== '', 'must not be empty');

/** A boolean, or the strings OneLogin and Entra send ("True", "false"); checked in toBoolean. */
export const booleanish = z.union([z.boolean(), z.string()], { error: 'must be a boolean' }).nullish();

/** Blank strings become null: Roster stores "no value" one way. */
export function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/**
 * `true` / `"True"` / `"false"` → boolean; `"True"` is noted as "string boolean coerced".
 * Any other string is 400 invalidValue naming the attribute.
 */
export function toBoolean(value: boolean | string, where: string, notes: ParseNotes): boolean {
  if (typeof value === 'boolean') return value;
  const lower = value.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    throw invalidValue(`"${where}" must be true or false, got ${JSON.stringify(value.slice(0, 40))}`);
  }
  notes.adapt('string boolean coerced');
  return lower === 'true';
}
