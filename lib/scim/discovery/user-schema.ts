import { bool, complex, reference, text, type SchemaAttribute } from './attribute-builders';

/**
 * The core User attributes Roster stores and returns (RFC 7643 §4.1), and nothing else: what
 * schemas/user.ts ignores (addresses, photos, ims, roles, entitlements, x509Certificates,
 * groups, profileUrl, password) is not listed. id, externalId and meta are common attributes
 * (RFC 7643 §3.1) and, as in the RFC's own §8.7.1, not repeated here.
 */
export const USER_ATTRIBUTES: SchemaAttribute[] = [
  text('userName', 'Unique identifier for the user, unique per organization without regard to case. Required.', {
    required: true,
    uniqueness: 'server',
  }),
  complex('name', "The components of the user's name.", [
    text('formatted', 'The full name, formatted for display.'),
    text('familyName', 'Family (last) name.'),
    text('givenName', 'Given (first) name.'),
    text('middleName', 'Middle name(s).'),
  ]),
  text('displayName', 'The name shown on the team page.'),
  text('nickName', 'The casual way to address the user.'),
  text('title', 'Job title.'),
  text('userType', 'Relationship to the organization, e.g. Employee or Contractor.'),
  text('preferredLanguage', 'Preferred written or spoken language (RFC 7231 Accept-Language format).'),
  text('locale', 'Default location for localization, e.g. en-US.'),
  text('timezone', 'Time zone in IANA format, e.g. Europe/Paris.'),
  bool('active', 'false suspends the member (kept on the team page, cannot sign in); true restores.'),
  // Required (RFC 7643 §7): a create or replace without an email address is refused, so a
  // schema-driven client must send one (issue 14). Roster still accepts an email-shaped userName
  // in its place, since Okta and JumpCloud setups without an email mapping send only that.
  multiValuedEntries(
    'emails',
    "Email addresses; at least one is required. The primary one (else the first of type work) is the member's email. " +
      'Without emails, an email-shaped userName is taken as the work email.',
    ['work', 'home', 'other'],
    true,
  ),
  multiValuedEntries('phoneNumbers', 'Phone numbers.', ['work', 'home', 'mobile', 'fax', 'pager', 'other'], false),
];

/** The enterprise User extension attributes Roster stores (RFC 7643 §4.3). */
export const ENTERPRISE_USER_ATTRIBUTES: SchemaAttribute[] = [
  text('employeeNumber', 'Employee number assigned by the organization.'),
  text('costCenter', 'Cost center.'),
  text('organization', 'Organization (company) name.'),
  text('division', 'Division.'),
  text('department', 'Department.'),
  complex('manager', "The user's manager, another member of the same organization.", [
    text('value', 'The Roster id of the manager. Values that are not Roster member ids are ignored.', { caseExact: true }),
    reference('$ref', "The URI of the manager's User resource, set by Roster from value.", ['User'], { mutability: 'readOnly' }),
  ]),
];

/** An entry without a value is dropped or refused, so `value` is required wherever the list is. */
function multiValuedEntries(name: string, description: string, types: string[], required: boolean): SchemaAttribute {
  return complex(
    name,
    description,
    [
      text('value', `The ${name === 'emails' ? 'email address' : 'phone number'}.`, { required: true }),
      text('display', 'A human-readable name for the value.'),
      text('type', 'A label indicating the function of the value.', { canonicalValues: types }),
      bool('primary', 'Whether this is the primary value; true at most once.'),
    ],
    { multiValued: true, required },
  );
}
