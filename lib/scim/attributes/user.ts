import type { Member } from '@/db/schema';
import { CORE_USER_URN, ENTERPRISE_USER_URN } from '../urns';
import { bool, complex, multiValuedSubs, notStored, reference, text, type Attribute, type ResourceTable } from './attribute';
import { COMMON_ATTRIBUTES } from './common';

type UserAttribute = Attribute<keyof Member>;

/** RFC 7643 §4.1.2's sub-attributes of addresses: PATCH knows them; Roster does not store addresses. */
const ADDRESS_SUBS = ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type'].map((name) => text(name, ''));

/** A multi-valued attribute Roster accepts by name and drops. */
const dropped = (name: string): UserAttribute => notStored(complex(name, '', multiValuedSubs(text('value', ''), []), { multiValued: true }));

/**
 * The SCIM User as Roster keeps it: the one table every User attribute list is derived from
 * (issue 16). Order is wire order: /Schemas and the resources list attributes as they come here.
 * - Core (RFC 7643 §4.1): what Roster stores and returns first, then what it accepts by name and
 *   drops (`password`: Okta sends one on every create; Roster never stores or echoes it;
 *   `groups` is readOnly, §4.1.2). Dropped ones are reported in ignoredAttributes in this order.
 * - The enterprise extension (RFC 7643 §4.3).
 * `column` is the members column (db/schema/members.ts); `filterable` puts it in the filter and
 * sortBy allow-list. active, emails, phoneNumbers and manager are stored their own way (see
 * filter/attribute-maps.ts, resources/user-resource.ts, schemas/user.ts).
 */
export const USER_TABLE: ResourceTable<keyof Member> = {
  resource: 'User',
  common: COMMON_ATTRIBUTES,
  core: {
    urn: CORE_USER_URN,
    name: 'User',
    description: 'User Account',
    attributes: [
      text('userName', 'Unique identifier for the user, unique per organization without regard to case. Required.', {
        required: true,
        uniqueness: 'server',
        column: 'userName',
        filterable: true,
      }),
      complex('name', "The components of the user's name.", [
        text('formatted', 'The full name, formatted for display.', { column: 'formattedName', filterable: true }),
        text('familyName', 'Family (last) name.', { column: 'familyName', filterable: true }),
        text('givenName', 'Given (first) name.', { column: 'givenName', filterable: true }),
        text('middleName', 'Middle name(s).', { column: 'middleName' }),
        notStored(text('honorificPrefix', '')),
        notStored(text('honorificSuffix', '')),
      ]),
      text('displayName', 'The name shown on the team page.', { column: 'displayName', filterable: true }),
      text('nickName', 'The casual way to address the user.', { column: 'nickName' }),
      text('title', 'Job title.', { column: 'title', filterable: true }),
      text('userType', 'Relationship to the organization, e.g. Employee or Contractor.', { column: 'userType', filterable: true }),
      text('preferredLanguage', 'Preferred written or spoken language (RFC 7231 Accept-Language format).', { column: 'preferredLanguage' }),
      text('locale', 'Default location for localization, e.g. en-US.', { column: 'locale', filterable: true }),
      text('timezone', 'Time zone in IANA format, e.g. Europe/Paris.', { column: 'timezone' }),
      bool('active', 'false suspends the member (kept on the team page, cannot sign in); true restores.', { column: 'status', filterable: true }),
      // Required (RFC 7643 §7): a create or replace without an email address is refused, so a
      // schema-driven client must send one (issue 14). Roster still accepts an email-shaped userName
      // in its place, since Okta and JumpCloud setups without an email mapping send only that.
      complex(
        'emails',
        "Email addresses; at least one is required. The primary one (else the first of type work) is the member's email. Without emails, an email-shaped userName is taken as the work email.",
        multiValuedSubs(text('value', 'The email address.', { required: true }), ['work', 'home', 'other']),
        { multiValued: true, required: true, column: 'emails', filterable: true },
      ),
      complex(
        'phoneNumbers',
        'Phone numbers.',
        multiValuedSubs(text('value', 'The phone number.', { required: true }), ['work', 'home', 'mobile', 'fax', 'pager', 'other']),
        {
          multiValued: true,
          column: 'phoneNumbers',
          filterable: true,
        },
      ),
      notStored(text('password', '', { mutability: 'writeOnly', returned: 'never' })),
      notStored(reference('profileUrl', '', ['external'])),
      notStored(complex('addresses', '', [...ADDRESS_SUBS, bool('primary', '')], { multiValued: true })),
      dropped('photos'),
      dropped('ims'),
      dropped('x509Certificates'),
      dropped('entitlements'),
      dropped('roles'),
      notStored(complex('groups', '', multiValuedSubs(text('value', ''), []), { multiValued: true, mutability: 'readOnly' })),
    ],
  },
  extensions: [
    {
      urn: ENTERPRISE_USER_URN,
      name: 'EnterpriseUser',
      description: 'Enterprise User',
      attributes: [
        text('employeeNumber', 'Employee number assigned by the organization.', { column: 'employeeNumber', filterable: true }),
        text('costCenter', 'Cost center.', { column: 'costCenter', filterable: true }),
        text('organization', 'Organization (company) name.', { column: 'organization', filterable: true }),
        text('division', 'Division.', { column: 'division', filterable: true }),
        text('department', 'Department.', { column: 'department', filterable: true }),
        complex(
          'manager',
          "The user's manager, another member of the same organization.",
          [
            text('value', 'The Roster id of the manager. Values that are not Roster member ids are ignored.', { caseExact: true }),
            reference('$ref', "The URI of the manager's User resource, set by Roster from value.", ['User'], { mutability: 'readOnly' }),
            notStored(text('displayName', '')),
          ],
          { column: 'managerId', filterable: true },
        ),
      ],
    },
  ],
};
