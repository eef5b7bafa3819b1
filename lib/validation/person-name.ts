import { textField } from './text';

/**
 * A person's given and family names, asked for wherever a member is created outside SCIM (sign-up,
 * the add-member form, npm run org:create). IdPs and validators read them back as
 * name.givenName / name.familyName: Okta's SPEC test requires both on the first user (issue 14).
 */
export const givenNameField = (required: string) => textField(required);
export const familyNameField = (required: string) => textField(required);

export type PersonName = { givenName: string; familyName: string };

/** The display name shown on the team page: "Ada Lovelace". */
export function fullName(name: PersonName): string {
  return `${name.givenName} ${name.familyName}`;
}

/**
 * One name split at its last whitespace: "Ada Lovelace King" → "Ada Lovelace" + "King"; a single
 * word goes into both. The rule migration 0004 applied to members who had only a display name.
 */
export function splitFullName(name: string): PersonName {
  const trimmed = name.trim();
  const match = /^(.*\S)\s+(\S+)$/s.exec(trimmed);
  return match ? { givenName: match[1] ?? trimmed, familyName: match[2] ?? trimmed } : { givenName: trimmed, familyName: trimmed };
}
