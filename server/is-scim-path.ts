/**
 * True for /api/scim/v2 and anything under it (any letter case, as the SCIM handler matches
 * case-insensitively), with or without a query string; never for /api/scim/v2x.
 */
export function isScimPath(url: string | undefined): boolean {
  return /^\/api\/scim\/v2(?:[/?#]|$)/i.test(requestTarget(url));
}

/** The origin-form path and query of a request target; an absolute-form target is reduced to it. */
export function requestTarget(url: string | undefined): string {
  if (!url) return '/';
  if (url.startsWith('/')) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '/';
  }
}
