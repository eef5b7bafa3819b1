/**
 * The code of an openid-client / oauth4webapi error (`OAUTH_…`), looking through its causes:
 * openid-client wraps oauth4webapi's error, and the code says what failed.
 */
export function oauthErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('OAUTH_')) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
