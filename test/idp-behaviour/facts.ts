/**
 * One description per identity provider (entra.ts, okta.ts, onelogin.ts, jumpcloud.ts) that the
 * per-IdP tests (test/dialects) and the simulator (scripts/simulate) both read: who the IdP says
 * it is, the shape of what it sends, and the order it sends it in. Each file cites its sources
 * (vendor docs, and the bodies recorded in test/fixtures/idp with their provenance in its README).
 */
export const IDPS = ['entra', 'okta', 'onelogin', 'jumpcloud'] as const;
export type IdpName = (typeof IDPS)[number];

export type IdpFacts = {
  name: IdpName;
  label: string;
  userAgent: string;
  /** Members per membership request. No vendor documents a figure: ours, stated where set. */
  memberBatch: number;
  /** False when the IdP deprovisions only by deactivating (Okta): its deletions are deactivations. */
  deletesUsers: boolean;
  /** How a profile change reaches us: a PATCH of the changed paths, a GET then a PUT, or a PUT of the whole user. */
  updates: 'patch' | 'get-then-put' | 'put';
  /** How a suspension reaches us: a PATCH of active, or a PUT of the whole user with active false. */
  suspends: 'patch' | 'put';
};

/** A person of the IdP's directory, before the IdP's own attribute mapping shapes them. */
export type Person = { userName: string; givenName: string; familyName: string; title: string; department: string };

/** `/Users?filter=<attr> eq "<value>"` as every IdP URL-encodes it, with any extra query after it. */
export const filtered = (path: string, filter: string, extra = '') => `${path}?filter=${encodeURIComponent(filter)}${extra ? `&${extra}` : ''}`;
