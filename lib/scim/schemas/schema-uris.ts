import { invalidSyntax } from '../errors';
import { isBlank } from './json-keys';
import type { ParseNotes } from './notes';

/**
 * Checks a body's `schemas` (RFC 7643 §3: the schema URIs of the resource; URIs compare
 * case-insensitively, §2.1). Returns them lower-cased.
 * - Missing: tolerated and noted. RFC 7643 §3 makes it REQUIRED, but hand-written OneLogin and
 *   JumpCloud templates drop it, and the endpoint already says what the body is.
 * - Present without the core URN (e.g. a Group body sent to /Users): 400 invalidSyntax.
 * - Other URNs (Okta's custom profile extensions, Entra's Microsoft extension): tolerated and
 *   noted "unknown extension ignored"; their attributes are ignored by name.
 */
export function checkSchemas(raw: unknown, coreUrn: string, extensions: readonly string[], notes: ParseNotes): string[] {
  if (isBlank(raw)) {
    notes.adapt('missing schemas tolerated');
    return [];
  }
  let list = raw;
  if (typeof raw === 'string') {
    notes.adapt('single value wrapped in array');
    list = [raw];
  }
  if (!Array.isArray(list) || !list.every((item): item is string => typeof item === 'string')) {
    throw invalidSyntax('"schemas" must be an array of schema URIs');
  }
  const lower = list.map((urn) => urn.trim().toLowerCase());
  if (!lower.includes(coreUrn.toLowerCase())) throw invalidSyntax(`"schemas" must include ${coreUrn}`);
  const known = new Set([coreUrn, ...extensions].map((urn) => urn.toLowerCase()));
  if (lower.some((urn) => !known.has(urn))) notes.adapt('unknown extension ignored');
  return lower;
}
