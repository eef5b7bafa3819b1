import { ScimError } from './errors';
import { etagFor, ifMatchAllows } from './resources/etag';

export { etagFor };

/** RFC 7644 §3.14: a stale If-Match is a 412 and the change is not made. */
export function assertIfMatch(request: Request, version: number): void {
  const header = request.headers.get('if-match');
  if (!ifMatchAllows(header, version)) {
    throw new ScimError(412, undefined, `If-Match ${String(header).slice(0, 100)} does not match the current version ${etagFor(version)}`);
  }
}
