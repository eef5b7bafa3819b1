import type { Group } from '@/db/schema';
import { CORE_GROUP_URN } from '../urns';
import { complex, reference, text, type ResourceTable } from './attribute';
import { COMMON_ATTRIBUTES } from './common';

/**
 * The SCIM Group as Roster keeps it (RFC 7643 §4.2): users only, no nested groups. Membership
 * lives in group_members, not in a column of groups; `display`, `type` and `$ref` are read
 * from the member row, so a body's are accepted and dropped.
 */
export const GROUP_TABLE: ResourceTable<keyof Group> = {
  resource: 'Group',
  common: COMMON_ATTRIBUTES,
  core: {
    urn: CORE_GROUP_URN,
    name: 'Group',
    description: 'Group',
    attributes: [
      text('displayName', 'Name of the group, unique per organization without regard to case. Required.', {
        required: true,
        uniqueness: 'server',
        column: 'displayName',
        filterable: true,
      }),
      complex(
        'members',
        'Members of the group. Only users of this organization: other values (nested group ids) are ignored.',
        [
          text('value', 'The id of a member.', { caseExact: true, mutability: 'immutable' }),
          text('display', "The member's displayName, else userName; set by Roster.", { mutability: 'readOnly' }),
          reference('$ref', "The URI of the member's User resource; set by Roster.", ['User'], { mutability: 'readOnly' }),
          text('type', 'Always User: groups are not members.', { canonicalValues: ['User'], mutability: 'readOnly' }),
        ],
        { multiValued: true, filterable: true },
      ),
    ],
  },
  extensions: [],
};
