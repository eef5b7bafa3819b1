/**
 * Where each IdP takes Roster's two values and what to click (DESIGN.md, "Where each IdP takes
 * the two values"). Field names are quoted exactly as the IdP's admin console shows them.
 */
export type IdpGuide = { id: string; name: string; endpointField: string; tokenField: string; steps: string[]; caveats: string[] };

export const idpGuides: IdpGuide[] = [
  {
    id: 'entra',
    name: 'Microsoft Entra ID',
    endpointField: 'Tenant URL',
    tokenField: 'Secret Token',
    steps: [
      'Entra admin center → Enterprise applications → New application → Create your own application (non-gallery).',
      'Provisioning → Get started → Provisioning Mode: Automatic.',
      'Admin Credentials: paste the endpoint into Tenant URL and the token into Secret Token.',
      'Click Test Connection (it looks up a random userName and expects an empty result), then Save.',
      'Mappings: check the attribute mappings below; Users and groups: assign who should be on the team.',
      'Start provisioning. Entra syncs about every 40 minutes; use Provision on demand to push one user now.',
    ],
    caveats: [
      'Assigning a group does not cascade to its nested groups: assign those groups too.',
      'Entra quarantines the provisioning job when its token expires: rotate before the expiry date.',
    ],
  },
  {
    id: 'okta',
    name: 'Okta',
    endpointField: 'SCIM 2.0 Base URL',
    tokenField: 'OAuth Bearer Token',
    steps: [
      'Applications → Browse App Catalog → "SCIM 2.0 Test App (OAuth Bearer Token)" → Add Integration.',
      'Provisioning → Configure API Integration → Enable API integration.',
      'Paste the endpoint into SCIM 2.0 Base URL and the token into OAuth Bearer Token; Test API Credentials; Save.',
      'Provisioning → To App: enable Create Users, Update User Attributes and Deactivate Users.',
      'Assignments: assign people or groups. Push Groups: push the groups whose membership Roster should mirror.',
    ],
    caveats: ['Okta looks a user up by userName before creating them: keep userName stable (usually the email).'],
  },
  {
    id: 'onelogin',
    name: 'OneLogin',
    endpointField: 'SCIM Base URL',
    tokenField: 'SCIM Bearer Token',
    steps: [
      'Applications → Add App → "SCIM Provisioner with SAML (SCIM V2 Enterprise)".',
      'Configuration: paste the endpoint into SCIM Base URL and the token into SCIM Bearer Token; Enable the API connection.',
      'Provisioning: tick Enable Provisioning (and decide whether deletes suspend or delete).',
      'Groups reach Roster through roles and rules: map a role or rule to the app’s Groups parameter.',
    ],
    caveats: ['OneLogin reads GET /Groups when provisioning is enabled: that call ticks its checklist item.'],
  },
  {
    id: 'jumpcloud',
    name: 'JumpCloud',
    endpointField: 'Base URL',
    tokenField: 'Token Key',
    steps: [
      'SSO Applications → add a custom SAML app, then open its Identity Management tab.',
      'Choose SCIM 2.0; paste the endpoint into Base URL and the token into Token Key.',
      'Test Connection with a test user email: JumpCloud creates and then deletes that test user.',
      'Activate, then bind user groups to the app: their users and the groups are provisioned.',
    ],
    caveats: ['Only groups bound to the app are pushed.'],
  },
];

/** The recommended mappings (DESIGN.md "Attribute map"): IdP source → SCIM attribute → Roster field. */
export const attributeMap: [string, string, string][] = [
  ['userPrincipalName or mailNickname', 'userName (required)', 'username'],
  ['givenName', 'name.givenName', 'first name'],
  ['surname', 'name.familyName', 'last name'],
  ['userPrincipalName / mail', 'emails[type eq "work"].value (primary)', 'email'],
  ['displayName', 'displayName', 'display name'],
  ['not IsSoftDeleted', 'active', 'status'],
  ['jobTitle', 'title', 'job title'],
  ['telephoneNumber', 'phoneNumbers[type eq "work"].value', 'work phone'],
  ['department', 'enterprise department', 'department'],
  ['employeeId', 'enterprise employeeNumber', 'employee ID'],
  ['companyName', 'enterprise organization', 'company'],
  ['—', 'enterprise costCenter, userType, locale', 'cost center, employee type, location'],
  ['manager', 'enterprise manager.value', 'manager (a member)'],
];
