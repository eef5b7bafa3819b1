import { invalidFilter, invalidPath } from '../errors';
import { COMPARE_OPS, type AttrPath, type CompareOp, type FilterNode, type FilterValue } from './ast';
import { tokenize, type Fail, type Token } from './lexer';
import { KNOWN_SCHEMA_URNS } from '../urns';

/** Longer filters are refused before lexing: no IdP sends one, and it bounds the work done. */
export const MAX_FILTER_LENGTH = 2_000;
/** Parentheses, `not` and value paths nest at most this deep (bounds recursion). */
export const MAX_FILTER_DEPTH = 20;

const ATTR_NAME = /^[A-Za-z$][\w$-]*$/;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const OPS = new Set<string>(COMPARE_OPS);

/** Parses a filter (RFC 7644 §3.4.2.2). Bad syntax throws 400 invalidFilter with a position. */
export function parseFilter(input: string): FilterNode {
  const parser = new Parser(input, invalidFilter);
  const node = parser.parseOr();
  parser.expectEnd();
  return node;
}

/** Parses a PATCH path (RFC 7644 §3.5.2: attrPath / valuePath [subAttr]); bad → invalidPath. */
export function parsePath(input: string): AttrPath {
  const parser = new Parser(input, invalidPath);
  const path = parser.parsePathExpr();
  parser.expectEnd();
  return path;
}

/**
 * Splits `[URI ":"] ATTRNAME ["." subAttr]`. Known schema URNs are matched first because
 * they contain '.' ("2.0"); any other `urn:` prefix ends at the last ':'.
 */
export function parseAttrName(text: string, pos: number, fail: Fail): AttrPath {
  const lower = text.toLowerCase();
  const known = KNOWN_SCHEMA_URNS.find((urn) => lower.startsWith(`${urn.toLowerCase()}:`));
  const cut = known ? known.length : lower.startsWith('urn:') ? text.lastIndexOf(':') : -1;
  const uri = cut > 0 ? text.slice(0, cut) : undefined;
  const parts = text.slice(cut + 1).split('.');
  const [attr, subAttr, extra] = parts;
  if (attr === undefined || !ATTR_NAME.test(attr) || extra !== undefined) {
    throw fail(`Invalid attribute name "${text}" at position ${pos}`);
  }
  if (subAttr !== undefined && !ATTR_NAME.test(subAttr)) {
    throw fail(`Invalid sub-attribute in "${text}" at position ${pos}`);
  }
  return { ...(uri ? { uri } : {}), attr, ...(subAttr !== undefined ? { subAttr } : {}) };
}

function describe(token: Token | undefined): string {
  if (!token) return 'end of input';
  if (token.kind === 'word') return `"${token.text}" at position ${token.pos}`;
  if (token.kind === 'string') return `a string at position ${token.pos}`;
  return `"${token.kind}" at position ${token.pos}`;
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;
  private inValueFilter = false;

  constructor(
    input: string,
    private readonly fail: Fail,
  ) {
    if (input.length > MAX_FILTER_LENGTH) throw fail(`Longer than ${MAX_FILTER_LENGTH} characters`);
    this.tokens = tokenize(input, fail);
    if (this.tokens.length === 0) throw fail('Empty expression');
  }

  parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.acceptKeyword('or')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  expectEnd(): void {
    const next = this.peek();
    if (next) throw this.fail(`Unexpected ${describe(next)}`);
  }

  /** PATCH path: an attribute path, optionally `[valFilter]` and `.subAttr`. */
  parsePathExpr(): AttrPath {
    const path = this.parseAttrPath();
    if (this.peek()?.kind !== '[') return path;
    const filter = this.parseBracket(path);
    return { ...path, valueFilter: filter, ...this.parseTrailingSubAttr() };
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.acceptKeyword('and')) left = { kind: 'and', left, right: this.parseUnary() };
    return left;
  }

  /** `not` binds tighter than `and`, which binds tighter than `or` (RFC 7644 §3.4.2.2). */
  private parseUnary(): FilterNode {
    if (this.acceptKeyword('not')) return { kind: 'not', expr: this.nested(() => this.parseUnary()) };
    if (this.peek()?.kind === '(') {
      this.index += 1;
      const inner = this.nested(() => this.parseOr());
      this.expect(')');
      return inner;
    }
    return this.parseAttrExpr();
  }

  private parseAttrExpr(): FilterNode {
    const path = this.parseAttrPath();
    if (this.peek()?.kind === '[') {
      const filter = this.parseBracket(path);
      const sub = this.parseTrailingSubAttr();
      if (!sub.subAttr) return { kind: 'valuePath', path, filter };
      return this.parseComparison({ ...path, valueFilter: filter, subAttr: sub.subAttr });
    }
    return this.parseComparison(path);
  }

  private parseComparison(path: AttrPath): FilterNode {
    const token = this.next();
    const op = token?.kind === 'word' ? token.text.toLowerCase() : '';
    if (op === 'pr') return { kind: 'present', path };
    if (!OPS.has(op)) throw this.fail(`Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr), found ${describe(token)}`);
    const { value, raw } = this.parseValue();
    return { kind: 'compare', path, op: op as CompareOp, value, raw };
  }

  /** JSON literal, or a bare word taken as a string (Microsoft's `externalId eq jyoung`). */
  private parseValue(): { value: FilterValue; raw: string } {
    const token = this.next();
    if (token?.kind === 'string') return { value: token.value, raw: token.value };
    if (token?.kind !== 'word') throw this.fail(`Expected a value, found ${describe(token)}`);
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return { value: lower === 'true', raw: token.text };
    if (lower === 'null') return { value: null, raw: token.text };
    if (JSON_NUMBER.test(token.text)) return { value: Number(token.text), raw: token.text };
    return { value: token.text, raw: token.text };
  }

  private parseAttrPath(): AttrPath {
    const token = this.next();
    if (token?.kind !== 'word') throw this.fail(`Expected an attribute name, found ${describe(token)}`);
    return parseAttrName(token.text, token.pos, this.fail);
  }

  /** `[valFilter]`: RFC 7644 §3.4.2.2 allows no value path inside another. */
  private parseBracket(path: AttrPath): FilterNode {
    const open = this.expect('[');
    if (this.inValueFilter) throw this.fail(`Nested value filter at position ${open.pos}`);
    if (path.subAttr) throw this.fail(`A value filter cannot follow a sub-attribute (position ${open.pos})`);
    this.inValueFilter = true;
    const filter = this.nested(() => this.parseOr());
    this.inValueFilter = false;
    this.expect(']');
    return filter;
  }

  /** `.subAttr` written directly after `]`, as in `emails[type eq "work"].value`. */
  private parseTrailingSubAttr(): { subAttr?: string } {
    const token = this.peek();
    const close = this.tokens[this.index - 1];
    if (token?.kind !== 'word' || !token.text.startsWith('.') || token.pos !== (close?.pos ?? -2) + 1) return {};
    this.index += 1;
    const subAttr = token.text.slice(1);
    if (!ATTR_NAME.test(subAttr)) throw this.fail(`Invalid sub-attribute "${subAttr}" at position ${token.pos}`);
    return { subAttr };
  }

  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_FILTER_DEPTH) throw this.fail(`Nested deeper than ${MAX_FILTER_DEPTH} levels`);
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private acceptKeyword(keyword: string): boolean {
    const token = this.peek();
    if (token?.kind !== 'word' || token.text.toLowerCase() !== keyword) return false;
    this.index += 1;
    return true;
  }

  private expect(kind: '(' | ')' | '[' | ']'): Token {
    const token = this.next();
    if (token?.kind !== kind) throw this.fail(`Expected "${kind}", found ${describe(token)}`);
    return token;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }
}
