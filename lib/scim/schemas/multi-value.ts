import { z } from 'zod';
import type { MultiValue } from '@/db/schema';
import { invalidValue } from '../errors';
import { isJsonObject } from '@/lib/json-object';
import { carriesData, isBlank, pickAttributes } from './json-keys';
import type { ParseNotes } from './notes';
import { booleanish, MAX_STRING_LENGTH, optionalText, textOrNull, toBoolean } from './scalars';

/** emails and phoneNumbers entries per body; nobody has more, and it bounds the JSON column. */
export const MAX_MULTI_VALUES = 20;

/** RFC 7643 §2.4 sub-attributes Roster keeps; `$ref` and anything else is ignored by name. */
const ENTRY_KEYS = ['value', 'type', 'primary', 'display'] as const;

export const multiValueEntrySchema = z.object({
  value: z.string({ error: 'must be a string' }).max(MAX_STRING_LENGTH, `must be at most ${MAX_STRING_LENGTH} characters`),
  type: optionalText,
  primary: booleanish,
  display: optionalText,
});

export const multiValuedSchema = z
  .array(multiValueEntrySchema, { error: 'must be an array' })
  .max(MAX_MULTI_VALUES, `must have at most ${MAX_MULTI_VALUES} entries`)
  .optional();

type Entry = z.infer<typeof multiValueEntrySchema>;

/**
 * Before validation: a bare string entry is taken as its `value`, entries without a value are
 * dropped (JumpCloud sends `{"type":"mobile","value":""}` for an unset phone), and sub-attribute
 * names are matched case-insensitively. The attribute itself must be an array (RFC 7643 §2.4):
 * `"emails": "a@example.com"` or a single object is refused, not guessed at — no IdP's recorded
 * traffic sends that (test/idp-behaviour), and a guess could store the wrong address (issue 14).
 */
export function prepareMultiValued(name: string, raw: unknown, notes: ParseNotes): unknown {
  if (isBlank(raw)) return undefined;
  if (isJsonObject(raw) || typeof raw === 'string') {
    throw invalidValue(`"${name}" is multi-valued: send an array of {"value": …} objects, not ${typeof raw === 'string' ? 'a string' : 'a single object'}`);
  }
  // Other JSON types are left for zod to refuse (invalidSyntax, like any value of the wrong type).
  if (!Array.isArray(raw)) return raw;
  const items: unknown[] = raw;
  if (items.length > MAX_MULTI_VALUES) throw invalidValue(`"${name}" must have at most ${MAX_MULTI_VALUES} entries`);
  const prepared = items.map((item) => prepareEntry(name, item, notes));
  const kept = prepared.filter((item) => !(isJsonObject(item) && isBlank(item.value)) && item !== null);
  if (kept.length !== prepared.length) notes.adapt('empty multi-valued entry dropped');
  return kept;
}

function prepareEntry(name: string, item: unknown, notes: ParseNotes): unknown {
  if (typeof item === 'string') {
    notes.adapt('bare value wrapped as multi-valued entry');
    return { value: item };
  }
  if (!isJsonObject(item)) return item;
  const picked = pickAttributes(item, ENTRY_KEYS, `${name}.`);
  if (picked.recased) notes.adapt('attribute name case normalized');
  for (const key of picked.unknown) if (carriesData(item[key])) notes.ignore(`${name}.${key}`);
  return picked.values;
}

/**
 * Validated entries → stored MultiValue. RFC 7643 §2.4: `primary: true` appears at most once;
 * when an IdP marks several, the first keeps it ("extra primary flags dropped").
 */
export function toMultiValues(name: string, entries: readonly Entry[] | undefined, notes: ParseNotes): MultiValue[] {
  let primarySeen = false;
  return (entries ?? []).map((entry, index) => {
    const out: MultiValue = { value: entry.value };
    const type = textOrNull(entry.type);
    if (type !== null) out.type = type;
    if (entry.primary !== undefined && entry.primary !== null) {
      let primary = toBoolean(entry.primary, `${name}[${index}].primary`, notes);
      if (primary && primarySeen) {
        notes.adapt('extra primary flags dropped');
        primary = false;
      }
      primarySeen ||= primary;
      out.primary = primary;
    }
    const display = textOrNull(entry.display);
    if (display !== null) out.display = display;
    return out;
  });
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(value: string): boolean {
  return EMAIL_SHAPE.test(value);
}

/**
 * The primary work email (DESIGN attribute map): the entry marked primary, else the first of
 * type "work", else the first. Undefined when there is no entry.
 */
export function primaryWorkEmail(emails: readonly MultiValue[]): MultiValue | undefined {
  return emails.find((e) => e.primary === true) ?? emails.find((e) => e.type?.toLowerCase() === 'work') ?? emails[0];
}
