/**
 * The first value `pick` finds on an error or on the errors it wraps (`cause`), at most `depth`
 * deep. Drivers and libraries wrap the error that says what failed: Drizzle wraps postgres.js's
 * and PGlite's, openid-client wraps oauth4webapi's.
 */
export function findInCauses<T>(error: unknown, pick: (link: { [key: string]: unknown }) => T | undefined, depth: number): T | undefined {
  for (let e: unknown = error, level = 0; e && level < depth; level++) {
    const link = e as { [key: string]: unknown };
    const found = pick(link);
    if (found !== undefined) return found;
    e = link.cause;
  }
  return undefined;
}

/** A string `code` on the error or a cause that `accept` takes (PostgreSQL SQLSTATE, errno, OAUTH_…). */
export function errorCode(error: unknown, accept: (code: string) => boolean, depth: number): string | undefined {
  return findInCauses(error, ({ code }) => (typeof code === 'string' && accept(code) ? code : undefined), depth);
}
