import { isStorableText } from '@/lib/storable-text';
import type { ScimError } from '../errors';

/**
 * Tokens of RFC 7644 §3.4.2.2 filters and §3.5.2 PATCH paths. A `word` is any run of
 * characters other than whitespace, brackets, parentheses and quotes: attribute paths
 * (URNs contain ':' and '.'), operators, keywords, numbers and unquoted bare values
 * (Microsoft's docs show `externalId eq jyoung`). The parser decides what a word means.
 */
export type Token = { kind: '(' | ')' | '[' | ']'; pos: number } | { kind: 'word'; text: string; pos: number } | { kind: 'string'; value: string; pos: number };

/** Makes the error for bad input: invalidFilter for filters, invalidPath for PATCH paths. */
export type Fail = (detail: string) => ScimError;

const PUNCTUATION = new Set(['(', ')', '[', ']']);
const WORD_END = /[\s()[\]"]/;

export function tokenize(input: string, fail: Fail): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < input.length) {
    const ch = input.charAt(pos);
    if (/\s/.test(ch)) {
      pos += 1;
    } else if (PUNCTUATION.has(ch)) {
      tokens.push({ kind: ch as '(' | ')' | '[' | ']', pos });
      pos += 1;
    } else if (ch === '"') {
      const end = stringEnd(input, pos, fail);
      tokens.push({ kind: 'string', value: decodeString(input.slice(pos, end), pos, fail), pos });
      pos = end;
    } else {
      const start = pos;
      while (pos < input.length && !WORD_END.test(input.charAt(pos))) pos += 1;
      tokens.push({ kind: 'word', text: input.slice(start, pos), pos: start });
    }
  }
  return tokens;
}

/** Index just past the closing quote of the string starting at `start`. */
function stringEnd(input: string, start: number, fail: Fail): number {
  let pos = start + 1;
  while (pos < input.length) {
    const ch = input.charAt(pos);
    if (ch === '\\') pos += 2;
    else if (ch === '"') return pos + 1;
    else pos += 1;
  }
  throw fail(`Unterminated string starting at position ${start}`);
}

/** Filter strings are JSON strings (RFC 7644 §3.4.2.2 compValue), escapes included. */
function decodeString(literal: string, start: number, fail: Fail): string {
  try {
    const value: unknown = JSON.parse(literal);
    // "\u0000" and lone surrogates decode to text PostgreSQL cannot compare: refuse them here.
    if (typeof value === 'string' && isStorableText(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw fail(`Invalid string (bad escape or control character) at position ${start}`);
}
