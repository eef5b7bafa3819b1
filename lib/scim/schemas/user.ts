import { z } from 'zod';
import type { MemberFields } from '@/lib/members/member-fields';
import { isUuid } from '@/lib/uuid';
import type { Attribute } from '../attributes/attribute';
import { USER_TABLE } from '../attributes/user';
import { invalidSyntax, invalidValue } from '../errors';
import { CORE_USER_URN, ENTERPRISE_USER_URN } from '../urns';
import { getKey, isJsonObject, type JsonObject } from '@/lib/json-object';
import { assertSafeKeys } from './json-keys';
import { looksLikeEmail, multiValuedSchema, primaryWorkEmail, toMultiValues } from './multi-value';
import { ParseNotes } from './notes';
import { booleanish, optionalText, requiredName, textOrNull, toBoolean } from './scalars';
import { checkSchemas } from './schema-uris';
import { prepareUserBody } from './prepare-user-body';
import { scimErrorFromIssues } from './zod-issues';

/** Roster's names for what an IdP sets on a member; the same type the member writes take. */
export type { MemberFields };

export type ParsedUser = { fields: MemberFields; ignoredAttributes: string[]; adaptations: string[] };

type Json = Record<string, unknown>;

const CORE = USER_TABLE.core.attributes;
const ENTERPRISE = USER_TABLE.extensions.find((extension) => extension.urn === ENTERPRISE_USER_URN)?.attributes ?? [];
const EXTERNAL_ID = USER_TABLE.common.filter((a) => a.name === 'externalId');
/** Entra may send the manager as a bare id; prepareUserBody wraps it, so anything else is refused as both. */
const OBJECT_ERRORS: Record<string, string> = { manager: 'must be an object or an id' };

/** The zod schema of one stored attribute, from its table entry (attributes/user.ts). */
function attributeSchema(attribute: Attribute): z.ZodType {
  if (attribute.multiValued) return multiValuedSchema;
  if (attribute.type === 'complex') return objectSchema(attribute.subAttributes ?? [], OBJECT_ERRORS[attribute.name] ?? 'must be an object').nullish();
  if (attribute.type === 'boolean') return booleanish;
  return attribute.required ? requiredName : optionalText;
}

/** The stored attributes a client may write; readOnly ones (manager.$ref) are derived, and prepareUserBody drops them. */
function objectSchema(attributes: readonly Attribute[], error: string) {
  const writable = attributes.filter((a) => a.stored && a.mutability !== 'readOnly');
  return z.object(Object.fromEntries(writable.map((a) => [a.name, attributeSchema(a)])), { error });
}

/**
 * A User body after prepareUserBody: canonical names only (RFC 7643 §4.1, §4.3). userName is
 * first, then externalId: the first failing attribute is the one a refusal names.
 */
export const userBodySchema = objectSchema([...CORE.slice(0, 1), ...EXTERNAL_ID, ...CORE.slice(1)], 'must be an object').extend({
  [ENTERPRISE_USER_URN]: objectSchema(ENTERPRISE, 'must be an object').nullish(),
});

type UserBody = Json & { userName: string };

export const EMAIL_REQUIRED = 'a primary work email is required: send emails[type eq "work"] or an email-shaped userName';

/**
 * A SCIM User request body (POST, PUT) → Roster's member fields. Throws ScimError 400:
 * invalidSyntax when the body's shape or a value's JSON type is wrong, invalidValue when a
 * required value is missing or a value is out of range; the detail names the attribute.
 * Tolerances are listed in `adaptations`, attributes Roster does not store in
 * `ignoredAttributes` (names only: the password is never kept, logged or echoed).
 */
export function parseUserBody(body: unknown): ParsedUser {
  if (!isJsonObject(body)) throw invalidSyntax('A User must be a JSON object');
  assertSafeKeys(body);
  const notes = new ParseNotes();
  // An enterprise object whose URN is missing from `schemas` is read anyway (RFC 7643 §3 asks
  // clients to list it; the patch engine's output does not), without a note.
  checkSchemas(getKey(body, 'schemas'), CORE_USER_URN, [ENTERPRISE_USER_URN], notes);
  const prepared = prepareUserBody(body, notes);
  const parsed = userBodySchema.safeParse(prepared);
  if (!parsed.success) throw scimErrorFromIssues(parsed.error.issues, prepared);
  return { fields: toFields(parsed.data as UserBody, notes), ignoredAttributes: notes.ignoredAttributes, adaptations: notes.adaptations };
}

/**
 * A User in SCIM wire shape — e.g. the current resource after applyUserPatch — through the same
 * rules as a request body, so a PATCH can never store what a PUT would refuse.
 */
export function userResourceToFields(resource: JsonObject): ParsedUser {
  return parseUserBody(resource);
}

/**
 * The parsed body as member fields. Plain strings (and the name parts) go to their table column;
 * active, emails, phoneNumbers and the manager are stored their own way.
 */
function toFields(data: UserBody, notes: ParseNotes): MemberFields {
  const enterprise = objectOrEmpty(data[ENTERPRISE_USER_URN]);
  const sent = toMultiValues('emails', data.emails as MultiEntries, notes);
  const email = chooseEmail(data.userName, sent, notes);
  // An email taken from userName is stored as an entry too: filters on emails read the list.
  const emails = sent.length ? sent : [{ value: email, type: 'work', primary: true }];
  const fields: Json = {
    ...stringColumns([...EXTERNAL_ID, ...CORE], data),
    ...stringColumns(ENTERPRISE, enterprise),
    email,
    emails,
    phoneNumbers: toMultiValues('phoneNumbers', data.phoneNumbers as MultiEntries, notes),
    managerId: managerId(textValue(objectOrEmpty(enterprise.manager).value), notes),
    // No `active` means active: RFC 7643 gives no default, and every IdP that omits it means so.
    active: data.active === undefined || data.active === null ? true : toBoolean(data.active as boolean | string, 'active', notes),
  };
  return fields as MemberFields;
}

type MultiEntries = Parameters<typeof toMultiValues>[1];

/** Column → value for every stored string attribute with a column of its own, sub-attributes of complex ones too. */
function stringColumns(attributes: readonly Attribute[], data: Json): Json {
  const out: Json = {};
  for (const attribute of attributes) {
    if (!attribute.stored || attribute.multiValued) continue;
    if (attribute.type === 'complex') Object.assign(out, stringColumns(attribute.subAttributes ?? [], objectOrEmpty(data[attribute.name])));
    else if (attribute.type === 'string' && attribute.column) out[attribute.column] = textOrNull(textValue(data[attribute.name]));
  }
  return out;
}

/** zod has checked the shapes; these only narrow its output for TypeScript. */
const objectOrEmpty = (value: unknown): Json => (isJsonObject(value) ? value : {});
const textValue = (value: unknown): string | null | undefined => (typeof value === 'string' ? value : value === null ? null : undefined);

/** The primary work email; Okta and JumpCloud setups without an email mapping send only userName. */
function chooseEmail(userName: string, emails: MemberFields['emails'], notes: ParseNotes): string {
  const chosen = primaryWorkEmail(emails);
  if (chosen) {
    if (!looksLikeEmail(chosen.value)) throw invalidValue(`"emails[${emails.indexOf(chosen)}].value" is not an email address`);
    return chosen.value;
  }
  if (!looksLikeEmail(userName)) throw invalidValue(EMAIL_REQUIRED);
  notes.adapt('email taken from userName');
  return userName;
}

/**
 * manager.value must be a Roster member id (a UUID; the member writes check it is one of this
 * org's). Okta often maps its own manager id or an email there: that is dropped with a note
 * rather than failing the whole user, since Roster cannot resolve it.
 */
function managerId(value: string | null | undefined, notes: ParseNotes): string | null {
  const id = textOrNull(value)?.trim() ?? null;
  if (id === null || id === '') return null;
  if (isUuid(id)) return id.toLowerCase();
  notes.adapt('manager value not a Roster id: ignored');
  notes.ignore(`${ENTERPRISE_USER_URN}:manager`);
  return null;
}
