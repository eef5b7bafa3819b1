import { z } from 'zod';
import { isUuid } from '@/lib/uuid';
import { GROUP_TABLE } from '../attributes/group';
import { invalidSyntax, invalidValue } from '../errors';
import { CORE_GROUP_URN } from '../urns';
import { isJsonObject } from '@/lib/json-object';
import { assertSafeKeys, carriesData, isBlank, pickAttributes } from './json-keys';
import { ParseNotes } from './notes';
import { MAX_STRING_LENGTH, optionalText, requiredName, textOrNull } from './scalars';
import { checkSchemas } from './schema-uris';
import { scimErrorFromIssues } from './zod-issues';

/**
 * Members per POST/PUT body, the same bound as a PATCH (patch/plan-group-patch MAX_MEMBER_VALUES).
 * The 1 MiB body limit allows about 20,000 `{"value":"<uuid>"}` entries anyway; larger groups
 * grow through PATCH add, which Okta and Entra use for membership changes.
 */
export const MAX_GROUP_MEMBERS = 10_000;

/** The Group's attributes and the common ones (attributes/group.ts), in their canonical case. */
const TOP_LEVEL = [...GROUP_TABLE.core.attributes, ...GROUP_TABLE.common].map((a) => a.name);
/** `display`, `type`, `$ref` are accepted and dropped: Roster reads them from the member row. */
const MEMBER_KEYS = (GROUP_TABLE.core.attributes.find((a) => a.name === 'members')?.subAttributes ?? []).map((a) => a.name);

export const groupBodySchema = z.object({
  displayName: requiredName,
  externalId: optionalText,
  members: z
    .array(
      z.object({
        value: z.string({ error: 'must be a string' }).max(MAX_STRING_LENGTH, `must be at most ${MAX_STRING_LENGTH} characters`),
      }),
      { error: 'must be an array' },
    )
    .max(MAX_GROUP_MEMBERS, `must have at most ${MAX_GROUP_MEMBERS} entries; add more with PATCH`)
    .optional(),
});

export type GroupBodyFields = { displayName: string; externalId: string | null; memberIds: string[] };
export type ParsedGroup = { fields: GroupBodyFields; ignoredAttributes: string[]; adaptations: string[] };

/**
 * A SCIM Group body (POST, PUT; RFC 7643 §4.2) → fields. Member values are trimmed, UUIDs
 * lower-cased (Roster ids are UUIDs; Okta and Entra echo them in any case), duplicates merged.
 * Values that are not member ids — nested group ids, ids of another org — are kept: the
 * caller resolves them against the org's members and notes the ones it ignores.
 */
export function parseGroupBody(body: unknown): ParsedGroup {
  if (!isJsonObject(body)) throw invalidSyntax('A Group must be a JSON object');
  assertSafeKeys(body);
  const notes = new ParseNotes();
  const picked = pickAttributes(body, TOP_LEVEL);
  if (picked.recased) notes.adapt('attribute name case normalized');
  // Entra and Okta add their own extension URNs to groups; tolerated, their attributes named.
  checkSchemas(picked.values.schemas, CORE_GROUP_URN, [], notes);
  for (const key of picked.unknown) {
    if (key.toLowerCase().startsWith('urn:')) notes.adapt('unknown extension ignored');
    if (carriesData(body[key])) notes.ignore(key);
  }
  const prepared = {
    displayName: picked.values.displayName,
    externalId: picked.values.externalId,
    members: prepareMembers(picked.values.members, notes),
  };
  const parsed = groupBodySchema.safeParse(prepared);
  if (!parsed.success) throw scimErrorFromIssues(parsed.error.issues, prepared);
  const fields: GroupBodyFields = {
    displayName: parsed.data.displayName,
    externalId: textOrNull(parsed.data.externalId),
    memberIds: memberIds(parsed.data.members ?? [], notes),
  };
  return { fields, ignoredAttributes: notes.ignoredAttributes, adaptations: notes.adaptations };
}

function prepareMembers(raw: unknown, notes: ParseNotes): unknown {
  if (isBlank(raw)) return undefined;
  if (!Array.isArray(raw)) {
    if (!isJsonObject(raw)) return raw;
    notes.adapt('single value wrapped in array');
    return prepareMembers([raw], notes);
  }
  if (raw.length > MAX_GROUP_MEMBERS) throw invalidValue(`"members" must have at most ${MAX_GROUP_MEMBERS} entries; add more with PATCH`);
  return raw.map((item: unknown) => {
    if (typeof item === 'string') {
      notes.adapt('bare value wrapped as multi-valued entry');
      return { value: item };
    }
    if (!isJsonObject(item)) return item;
    const entry = pickAttributes(item, MEMBER_KEYS, 'members.');
    for (const key of entry.unknown) if (carriesData(item[key])) notes.ignore(`members.${key}`);
    return { value: entry.values.value };
  });
}

function memberIds(members: readonly { value: string }[], notes: ParseNotes): string[] {
  const ids = new Set<string>();
  for (const [index, { value }] of members.entries()) {
    const trimmed = value.trim();
    if (trimmed === '') throw invalidValue(`"members[${index}].value" must be a member id`);
    ids.add(isUuid(trimmed) ? trimmed.toLowerCase() : trimmed);
  }
  if (ids.size !== members.length) notes.adapt('duplicate member values merged');
  return [...ids];
}
