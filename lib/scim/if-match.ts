import { ScimError } from './errors';

/** W/"<version>": weak, because the representation varies with attributes/excludedAttributes. */
export function etagFor(version: number): string {
  return `W/"${version}"`;
}

/**
 * RFC 7232 If-Match against the resource's version (RFC 7644 §3.14). No header: go ahead.
 * `*` or any listed tag with the same version (weak or strong) matches; otherwise 412.
 */
export function assertIfMatch(request: Request, version: number): void {
  const header = request.headers.get('if-match');
  if (!header) return;
  const tags = header.split(',').map((t) => t.trim());
  if (tags.includes('*')) return;
  const matches = tags.some((tag) => tag.replace(/^W\//i, '').replace(/^"|"$/g, '') === String(version));
  if (!matches) {
    throw new ScimError(412, undefined, `If-Match ${header.slice(0, 100)} does not match the current version ${etagFor(version)}`);
  }
}
