import { z } from 'zod';
import { invalidFilter, invalidSyntax, invalidValue } from '../errors';
import { MAX_FILTER_LENGTH } from '../filter/parser';
import { isJsonObject } from '@/lib/json-object';
import { assertSafeKeys, isBlank, pickAttributes } from './json-keys';
import { scimErrorFromIssues } from './zod-issues';

/**
 * Largest page Roster returns (RFC 7644 §3.4.2.4: a larger `count` is lowered to this), and
 * the `filter.maxResults` advertised in /ServiceProviderConfig. Okta pages by 100; Entra asks
 * for single users.
 */
export const MAX_PAGE_SIZE = 200;
/** Page size when `count` is not given (the RFC leaves it to the service provider). */
export const DEFAULT_PAGE_SIZE = 100;
/** startIndex is clamped here so the SQL OFFSET stays a plain integer. */
const MAX_START_INDEX = 2_147_483_647;
const MAX_ATTRIBUTE_NAMES = 100;

export type SortOrder = 'ascending' | 'descending';

export type ListQuery = {
  filter?: string;
  /** 1-based (RFC 7644 §3.4.2.4). */
  startIndex: number;
  count: number;
  sortBy?: string;
  sortOrder?: SortOrder;
  attributes: string[];
  excludedAttributes: string[];
};

const NAMES = ['filter', 'startIndex', 'count', 'sortBy', 'sortOrder', 'attributes', 'excludedAttributes'] as const;

const ATTRIBUTE_NAME = /^[A-Za-z0-9$_:.\-]{1,300}$/;

const nameList = z
  .union([z.string(), z.array(z.string())], { error: 'must be a comma-separated list or an array of attribute names' })
  .optional()
  .transform((value) => (Array.isArray(value) ? value.flatMap(splitNames) : splitNames(value ?? '')))
  .refine((names) => names.length <= MAX_ATTRIBUTE_NAMES, `must name at most ${MAX_ATTRIBUTE_NAMES} attributes`)
  .refine((names) => names.every((name) => ATTRIBUTE_NAME.test(name)), 'must hold attribute names like name.givenName or urn:…:User:department');

const integerParam = z.union([z.number(), z.string()], { error: 'must be an integer' }).optional();

export const listQuerySchema = z.object({
  filter: z.string({ error: 'must be a string' }).optional(),
  startIndex: integerParam,
  count: integerParam,
  sortBy: z.string({ error: 'must be a string' }).max(300, 'must be at most 300 characters').optional(),
  sortOrder: z.string({ error: 'must be a string' }).optional(),
  attributes: nameList,
  excludedAttributes: nameList,
});

/**
 * Comma-separated attribute names. A value filter inside a name selects the whole attribute:
 * `emails[type eq "work"]` → `emails`, `emails[type eq "work"].value` → `emails.value`.
 * RFC 7644 §3.4.2.5 allows only names here, but Microsoft's SCIM reference Postman collection
 * sends `attributes=emails[type eq "work"]`; returning every email (the work one among them)
 * answers it, where a 400 fails the collection (issue 14). Commas inside the filter do not split.
 */
function splitNames(value: string): string[] {
  const names: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (depth > 0) {
      if (ch === '"') quoted = true;
      else if (ch === '[') depth++;
      else if (ch === ']') depth--;
    } else if (ch === '[') depth = 1;
    else if (ch === ',') {
      names.push(current);
      current = '';
    } else current += ch;
  }
  names.push(current);
  return names.map((name) => name.trim()).filter(Boolean);
}

/**
 * List parameters (RFC 7644 §3.4.2), from a GET query string or a POST /.search body (§3.4.3).
 * Names match case-insensitively (Okta sends `startIndex`, some clients `startindex`). Out of
 * range is clamped as §3.4.2.4 says — startIndex < 1 → 1, count < 0 → 0, count > MAX_PAGE_SIZE
 * → MAX_PAGE_SIZE; a value that is not an integer, or an unknown sortOrder, is 400 invalidValue.
 * Blank parameters (`filter=`) count as absent. When both `attributes` and
 * `excludedAttributes` are given, `attributes` wins (see project-attributes.ts).
 */
export function parseListQuery(source: unknown): ListQuery {
  const raw = source instanceof URLSearchParams ? fromSearchParams(source) : fromBody(source);
  const parsed = listQuerySchema.safeParse(raw);
  if (!parsed.success) throw scimErrorFromIssues(parsed.error.issues, raw);
  const { filter, sortBy, sortOrder, attributes, excludedAttributes } = parsed.data;
  // The parser's one limit (filter/parser.ts), checked before anything reads the filter; an
  // over-long filter is a bad filter (RFC 7644 §3.4.2.2 errors are invalidFilter).
  if (filter !== undefined && filter.length > MAX_FILTER_LENGTH) throw invalidFilter(`"filter" must be at most ${MAX_FILTER_LENGTH} characters`);
  const startIndex = integer('startIndex', parsed.data.startIndex);
  const count = integer('count', parsed.data.count);
  return {
    ...(filter?.trim() ? { filter: filter.trim() } : {}),
    startIndex: startIndex === undefined ? 1 : Math.min(Math.max(startIndex, 1), MAX_START_INDEX),
    count: count === undefined ? DEFAULT_PAGE_SIZE : Math.min(Math.max(count, 0), MAX_PAGE_SIZE),
    ...(sortBy?.trim() ? { sortBy: sortBy.trim() } : {}),
    ...(sortOrder?.trim() ? { sortOrder: toSortOrder(sortOrder) } : {}),
    attributes,
    excludedAttributes,
  };
}

/** Each name once: a repeated parameter is ambiguous, so it is refused rather than guessed. */
function fromSearchParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [key, value] of params) {
    const name = NAMES.find((n) => n.toLowerCase() === key.toLowerCase());
    if (name === undefined) continue;
    if (seen.has(name)) throw invalidSyntax(`The query parameter "${name}" is given more than once`);
    seen.add(name);
    if (value.trim() !== '') out[name] = value;
  }
  return out;
}

/** A SearchRequest body; `schemas` and unknown names are ignored, blanks count as absent. */
function fromBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (!isJsonObject(body)) throw invalidSyntax('A SearchRequest must be a JSON object');
  assertSafeKeys(body);
  const { values } = pickAttributes(body, NAMES);
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !isBlank(value)));
}

function integer(name: string, value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const valid = typeof value === 'number' ? Number.isInteger(value) : /^[+-]?\d+$/.test(value.trim());
  if (!valid) throw invalidValue(`"${name}" must be an integer, got ${JSON.stringify(String(value).slice(0, 40))}`);
  const number = Number(value);
  // Digits beyond 2^53 are clamped like any other large value.
  return Number.isSafeInteger(number) ? number : Math.sign(number) * Number.MAX_SAFE_INTEGER;
}

function toSortOrder(value: string): SortOrder {
  const lower = value.trim().toLowerCase();
  if (lower === 'ascending' || lower === 'descending') return lower;
  throw invalidValue(`"sortOrder" must be "ascending" or "descending", got ${JSON.stringify(value.slice(0, 40))}`);
}
