import { errorCode } from '@/lib/error-cause';

/**
 * The code of an openid-client / oauth4webapi error (`OAUTH_…`), looking through its causes:
 * openid-client wraps oauth4webapi's error, and the code says what failed.
 */
export function oauthErrorCode(error: unknown): string | undefined {
  return errorCode(error, (code) => code.startsWith('OAUTH_'), 5);
}
