import type { SsoIdp, SsoMatchAttribute } from '@/db/schema';

/**
 * What each IdP puts where, for the Single sign-on card's guide and its defaults. The default
 * pairs a claim of the ID token with the SCIM attribute the same IdP fills by default, so a first
 * sign-in finds the member SCIM created. Each fact names the vendor page it comes from.
 */
export type IdpPreset = {
  id: SsoIdp;
  name: string;
  issuerHint: string;
  claim: string;
  matchAttribute: SsoMatchAttribute;
  steps: string[];
  /** Why this claim ↔ attribute pair, with its sources. */
  why: string;
  sources: string[];
};

export const idpPresets: IdpPreset[] = [
  {
    id: 'entra',
    name: 'Microsoft Entra ID',
    issuerHint: 'https://login.microsoftonline.com/<tenant-id>/v2.0',
    claim: 'preferred_username',
    matchAttribute: 'userName',
    steps: [
      'Entra admin center → App registrations → New registration; Redirect URI type "Web" = the redirect URI below.',
      'Certificates & secrets → New client secret: paste its Value as the client secret.',
      'Overview: Application (client) ID is the client ID; the issuer is https://login.microsoftonline.com/<Directory (tenant) ID>/v2.0.',
      'Enterprise applications → your app → Properties: "Assignment required" = Yes, so only assigned people can sign in.',
    ],
    why:
      "Entra's provisioning maps userPrincipalName to userName by default; its v2.0 ID token carries the UPN as preferred_username (profile scope). " +
      'Both can change when the UPN is renamed: Roster links by iss + sub after the first sign-in, so a rename does not break an existing link.',
    sources: [
      'https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference',
      'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups',
    ],
  },
  {
    id: 'okta',
    name: 'Okta',
    issuerHint: 'https://<your-org>.okta.com',
    claim: 'preferred_username',
    matchAttribute: 'userName',
    steps: [
      'Applications → Create App Integration → OIDC - OpenID Connect → Web Application.',
      'Sign-in redirect URIs = the redirect URI below; Grant type: Authorization Code.',
      'General tab: Client ID and Client secret; the issuer is your Okta org URL (https://<your-org>.okta.com).',
      'Assignments: assign the same people or groups as the SCIM app.',
    ],
    why: "Okta sends the Okta username as SCIM userName by default, and the ID token's preferred_username (profile scope) is the same Okta login.",
    sources: [
      'https://developer.okta.com/docs/api/openapi/okta-oauth/guides/overview/#scope-dependent-claims-not-always-returned',
      'https://developer.okta.com/docs/guides/scim-provisioning-integration-prepare/main/',
    ],
  },
  {
    id: 'onelogin',
    name: 'OneLogin',
    issuerHint: 'https://<subdomain>.onelogin.com/oidc/2',
    claim: 'email',
    matchAttribute: 'userName',
    steps: [
      'Applications → Add App → "OpenId Connect (OIDC)".',
      'Configuration: Redirect URIs = the redirect URI below.',
      'SSO tab: Client ID, Client Secret (Show client secret), and Token Endpoint authentication method "POST" or "Basic"; ' +
        'the issuer is https://<subdomain>.onelogin.com/oidc/2.',
      'Users/Roles: give the app to the same people as the SCIM app.',
    ],
    why: "OneLogin's SCIM Provisioner sends the user's email as userName by default, and its ID token carries email with the email scope.",
    sources: ['https://developers.onelogin.com/openid-connect/scopes', 'https://developers.onelogin.com/scim/create-app'],
  },
  {
    id: 'jumpcloud',
    name: 'JumpCloud',
    issuerHint: 'https://oauth.id.jumpcloud.com/',
    claim: 'email',
    matchAttribute: 'userName',
    steps: [
      'SSO Applications → Add New Application → Custom Application → Configure SSO with OIDC.',
      'SSO tab: Redirect URIs = the redirect URI below; Standard scopes: Email and Profile; Client authentication: Client Secret Basic.',
      'Activate, then copy the Client ID and Client Secret (shown once). The issuer is https://oauth.id.jumpcloud.com/ for every JumpCloud org.',
      'User Groups → bind the same groups as the SCIM app.',
    ],
    why: "JumpCloud's SCIM integration sends the user's email as userName; its ID token carries email when the Email scope is selected.",
    sources: ['https://jumpcloud.com/support/sso-with-oidc', 'https://jumpcloud.com/support/configure-scim-identity-management'],
  },
  {
    id: 'other',
    name: 'Another OpenID Connect provider',
    issuerHint: 'https://idp.example.com',
    claim: 'email',
    matchAttribute: 'userName',
    steps: ['Register a confidential "web" client with the authorization code flow and the redirect URI below; scopes openid, email and profile.'],
    why: 'Pick the claim your IdP fills with the same value it sends as SCIM userName (or externalId).',
    sources: ['https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims'],
  },
];
