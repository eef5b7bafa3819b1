import { z } from 'zod';
import type { MemberFields } from '@/lib/members/member-fields';
import { invalidSyntax, invalidValue } from '../errors';
import { CORE_USER_URN, ENTERPRISE_USER_URN } from '../filter/urns';
import { assertSafeKeys, isJsonObject, type JsonObject } from './json-keys';
import { looksLikeEmail, multiValuedSchema, primaryWorkEmail, toMultiValues } from './multi-value';
import { ParseNotes } from './notes';
import { booleanish, optionalText, requiredName, textOrNull, toBoolean } from './scalars';
import { checkSchemas } from './schema-uris';
import { prepareUserBody } from './user-attributes';
import { scimErrorFromIssues } from './zod-issues';

/** Roster's names for what an IdP sets on a member; the same type the member writes take. */
export type { MemberFields };

export type ParsedUser = { fields: MemberFields; ignoredAttributes: string[]; adaptations: string[] };

const nameSchema = z.object(
  { formatted: optionalText, familyName: optionalText, givenName: optionalText, middleName: optionalText },
  { error: 'must be an object' },
);

const enterpriseSchema = z.object(
  {
    employeeNumber: optionalText,
    costCenter: optionalText,
    organization: optionalText,
    division: optionalText,
    department: optionalText,
    manager: z.object({ value: optionalText }, { error: 'must be an object or an id' }).nullish(),
  },
  { error: 'must be an object' },
);

/** A User body after prepareUserBody: canonical names only (RFC 7643 §4.1, §4.3). */
export const userBodySchema = z.object({
  userName: requiredName,
  externalId: optionalText,
  name: nameSchema.nullish(),
  displayName: optionalText,
  nickName: optionalText,
  title: optionalText,
  userType: optionalText,
  locale: optionalText,
  preferredLanguage: optionalText,
  timezone: optionalText,
  active: booleanish,
  emails: multiValuedSchema,
  phoneNumbers: multiValuedSchema,
  [ENTERPRISE_USER_URN]: enterpriseSchema.nullish(),
});

type UserBody = z.infer<typeof userBodySchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  checkSchemas(schemaValue(body), CORE_USER_URN, [ENTERPRISE_USER_URN], notes);
  const prepared = prepareUserBody(body, notes);
  const parsed = userBodySchema.safeParse(prepared);
  if (!parsed.success) throw scimErrorFromIssues(parsed.error.issues, prepared);
  return { fields: toFields(parsed.data, notes), ignoredAttributes: notes.ignoredAttributes, adaptations: notes.adaptations };
}

/**
 * A User in SCIM wire shape — e.g. the current resource after applyUserPatch — through the same
 * rules as a request body, so a PATCH can never store what a PUT would refuse.
 */
export function userResourceToFields(resource: JsonObject): ParsedUser {
  return parseUserBody(resource);
}

function schemaValue(body: JsonObject): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'schemas');
  return key === undefined ? undefined : body[key];
}

function toFields(data: UserBody, notes: ParseNotes): MemberFields {
  const enterprise = data[ENTERPRISE_USER_URN];
  const sent = toMultiValues('emails', data.emails, notes);
  const email = chooseEmail(data.userName, sent, notes);
  // An email taken from userName is stored as an entry too: filters on emails read the list.
  const emails = sent.length ? sent : [{ value: email, type: 'work', primary: true }];
  return {
    userName: data.userName,
    externalId: textOrNull(data.externalId),
    givenName: textOrNull(data.name?.givenName),
    familyName: textOrNull(data.name?.familyName),
    middleName: textOrNull(data.name?.middleName),
    formattedName: textOrNull(data.name?.formatted),
    displayName: textOrNull(data.displayName),
    nickName: textOrNull(data.nickName),
    title: textOrNull(data.title),
    userType: textOrNull(data.userType),
    locale: textOrNull(data.locale),
    preferredLanguage: textOrNull(data.preferredLanguage),
    timezone: textOrNull(data.timezone),
    employeeNumber: textOrNull(enterprise?.employeeNumber),
    costCenter: textOrNull(enterprise?.costCenter),
    organization: textOrNull(enterprise?.organization),
    division: textOrNull(enterprise?.division),
    department: textOrNull(enterprise?.department),
    email,
    emails,
    phoneNumbers: toMultiValues('phoneNumbers', data.phoneNumbers, notes),
    managerId: managerId(enterprise?.manager?.value, notes),
    // No `active` means active: RFC 7643 gives no default, and every IdP that omits it means so.
    active: data.active === undefined || data.active === null ? true : toBoolean(data.active, 'active', notes),
  };
}

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
  if (UUID.test(id)) return id.toLowerCase();
  notes.adapt('manager value not a Roster id: ignored');
  notes.ignore(`${ENTERPRISE_USER_URN}:manager`);
  return null;
}
