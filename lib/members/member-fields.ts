import type { MultiValue } from '@/db/schema';

/**
 * Everything an identity provider can set on a member, in Roster's names. The SCIM layer maps
 * wire attributes to this; the data layer maps it to columns. Null clears a field.
 */
export type MemberFields = {
  userName: string;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  middleName: string | null;
  formattedName: string | null;
  displayName: string | null;
  nickName: string | null;
  title: string | null;
  userType: string | null;
  locale: string | null;
  preferredLanguage: string | null;
  timezone: string | null;
  employeeNumber: string | null;
  costCenter: string | null;
  organization: string | null;
  division: string | null;
  department: string | null;
  /** The primary work email (also kept in `emails`). */
  email: string | null;
  emails: MultiValue[];
  phoneNumbers: MultiValue[];
  managerId: string | null;
  active: boolean;
};

/** MemberFields as column values. */
export function memberColumns(fields: MemberFields) {
  const { active, ...rest } = fields;
  return { ...rest, status: active ? ('active' as const) : ('suspended' as const) };
}
