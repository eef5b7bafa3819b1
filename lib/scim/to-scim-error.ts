import { AppError } from '@/lib/errors';
import { PolicyError } from '@/lib/policy/owner-guard';
import { pgErrorCode } from '@/lib/errors';
import { errorCode } from '@/lib/error-cause';
import { ScimError } from './errors';

// Connection refused/reset/timed out (postgres.js CONNECT_TIMEOUT) and PostgreSQL's "cannot
// connect now" / admin shutdown classes.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
]);

/** Whatever was thrown, as the SCIM error the client gets. Unknown errors get a generic 500. */
export function toScimError(thrown: unknown): ScimError {
  if (thrown instanceof ScimError) return thrown;
  if (thrown instanceof PolicyError) {
    // Held for the owner: 503 + Retry-After, so the IdP retries instead of counting it done.
    // Refused by the owner rule or a kept hold: 409 (no scimType: uniqueness would make Entra
    // look for a duplicate that does not exist). The detail says why and what to do.
    if (thrown.retryAfterSeconds !== undefined) return new ScimError(503, undefined, thrown.message, { 'Retry-After': String(thrown.retryAfterSeconds) });
    return new ScimError(409, undefined, thrown.message);
  }
  if (thrown instanceof AppError) {
    switch (thrown.code) {
      case 'conflict':
        return new ScimError(409, 'uniqueness', thrown.message);
      case 'bad_request':
        return new ScimError(400, 'invalidValue', thrown.message);
      case 'not_found':
        return new ScimError(404, undefined, thrown.message);
      case 'precondition_failed':
        return new ScimError(412, undefined, thrown.message);
      default:
        return new ScimError(thrown.status, undefined, thrown.message);
    }
  }
  const code = pgErrorCode(thrown) ?? errorCode(thrown, () => true, 4);
  // Deadlock or serialization failure: PostgreSQL rolled the request back; a retry succeeds.
  if (code === '40P01' || code === '40001')
    return new ScimError(503, undefined, 'A concurrent change got in the way; nothing was applied, retry shortly', { 'Retry-After': '1' });
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) {
    return new ScimError(503, undefined, 'The database is unavailable; retry shortly', { 'Retry-After': '5' });
  }
  return new ScimError(500, undefined, 'Internal error; the request was not applied');
}
