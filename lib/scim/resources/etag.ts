/**
 * ETags (RFC 7644 §3.14) from the row's `version`. Weak, because the representation varies
 * with `attributes` / `excludedAttributes` while the resource is the same.
 */
export function etagFor(version: number): string {
  return `W/"${version}"`;
}

export type EntityTag = { weak: boolean; opaque: string };

/** `*` matches any current representation; otherwise a list of tags (RFC 7232 §3.1). */
export type IfMatch = { any: true } | { any: false; tags: EntityTag[] };

// One list element: optional W/, then a quoted tag (commas allowed inside) or a bare token.
const ELEMENT = String.raw`\s*(W/)?(?:"([^"]*)"|([^\s,"]+))\s*(?:,|$)`;

/**
 * Parses an If-Match header. Undefined when the header is absent or blank (no precondition).
 * Tolerates unquoted tags (`If-Match: 3`, `W/3`), which some hand-written clients send; a
 * header that still cannot be read yields an empty tag list, which matches nothing (412).
 */
export function parseIfMatch(header: string | null | undefined): IfMatch | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const list = header.trim().replace(/(\s*,)+$/, '');
  if (list === '*') return { any: true };
  const tags: EntityTag[] = [];
  const element = new RegExp(ELEMENT, 'iy');
  while (element.lastIndex < list.length) {
    const start = element.lastIndex;
    const match = element.exec(list);
    if (!match || element.lastIndex === start) return { any: false, tags: [] };
    const opaque = match[2] ?? match[3] ?? '';
    if (opaque === '*') return { any: true };
    tags.push({ weak: match[1] !== undefined, opaque });
  }
  return { any: false, tags };
}

/**
 * Whether the precondition holds for a resource at `version`. Weak comparison (RFC 7232 §2.3.2):
 * Roster's tags are weak and RFC 7644 §3.14 shows weak tags in If-Match, so `W/"3"` and `"3"`
 * both match version 3. No header: true.
 */
export function ifMatchAllows(header: string | null | undefined, version: number): boolean {
  const parsed = parseIfMatch(header);
  if (parsed === undefined || parsed.any) return true;
  return parsed.tags.some((tag) => tag.opaque === String(version));
}
