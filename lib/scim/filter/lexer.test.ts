import { describe, expect, it } from 'vitest';
import { invalidFilter, ScimError } from '../errors';
import { tokenize } from './lexer';

const lex = (input: string) => tokenize(input, invalidFilter);

describe('tokenize', () => {
  it('splits words, strings and brackets with their positions', () => {
    expect(lex('emails[type eq "work"]')).toEqual([
      { kind: 'word', text: 'emails', pos: 0 },
      { kind: '[', pos: 6 },
      { kind: 'word', text: 'type', pos: 7 },
      { kind: 'word', text: 'eq', pos: 12 },
      { kind: 'string', value: 'work', pos: 15 },
      { kind: ']', pos: 21 },
    ]);
  });

  it.each([
    ['"a\\"b"', 'a"b'],
    ['"back\\\\slash"', 'back\\slash'],
    ['"\\u00e9t\\u00E9"', 'été'],
    ['"tab\\there"', 'tab\there'],
    ['"with (parens) and [brackets]"', 'with (parens) and [brackets]'],
    ['""', ''],
  ])('decodes the JSON string %s', (input, value) => {
    expect(lex(input)).toEqual([{ kind: 'string', value, pos: 0 }]);
  });

  it('keeps URNs, dots and "].value" in one word', () => {
    const words = lex('urn:ietf:params:scim:schemas:core:2.0:User:name.givenName x].value')
      .filter((t) => t.kind === 'word')
      .map((t) => (t.kind === 'word' ? t.text : ''));
    expect(words).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', 'x', '.value']);
  });

  it.each([
    ['userName eq "abc', 'Unterminated string starting at position 12'],
    ['userName eq "a\\qb"', 'Invalid string (bad escape or control character) at position 12'],
    ['userName eq "a\\', 'Unterminated string starting at position 12'],
  ])('rejects %s with invalidFilter', (input, detail) => {
    const error = (() => {
      try {
        lex(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter', detail });
  });
});
