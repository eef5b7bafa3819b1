import { describe, expect, it } from 'vitest';
import { Adaptations, MAX_OPERATIONS, normalizeOperations } from './operations';

const normalize = (raw: unknown[]) => {
  const adaptations = new Adaptations();
  return { ops: normalizeOperations(raw, adaptations), adaptations: adaptations.list() };
};

describe('normalizeOperations', () => {
  it('lower-cases op names and notes the adaptation once', () => {
    const { ops, adaptations } = normalize([
      { op: 'Replace', path: 'active', value: 'False' },
      { op: 'REMOVE', path: 'title' },
      { op: 'add', path: 'title', value: 'x' },
    ]);
    expect(ops.map((o) => o.op)).toEqual(['replace', 'remove', 'add']);
    expect(adaptations).toEqual(['capitalised op name']);
  });

  it('tells an explicit null value from a missing one, and drops an empty path', () => {
    const { ops, adaptations } = normalize([
      { op: 'replace', path: 'title', value: null },
      { op: 'remove', path: 'title' },
      { op: 'replace', path: '  ', value: { title: 'x' } },
      { op: 'replace', path: null, value: { title: 'y' } },
    ]);
    expect(ops).toEqual([
      { op: 'replace', path: 'title', value: null, hasValue: true, index: 0 },
      { op: 'remove', path: 'title', value: undefined, hasValue: false, index: 1 },
      { op: 'replace', value: { title: 'x' }, hasValue: true, index: 2 },
      { op: 'replace', value: { title: 'y' }, hasValue: true, index: 3 },
    ]);
    expect(adaptations).toEqual(['empty path treated as no path']);
  });

  it.each([
    [{ path: 'title', value: 'x' }, 'invalidSyntax', 'Operations[0]: op: Invalid input: expected string, received undefined'],
    [{ op: '', path: 'title' }, 'invalidSyntax', 'Operations[0]: op: Too small: expected string to have >=1 characters'],
    [null, 'invalidSyntax', 'Operations[0]: Invalid input: expected object, received null'],
    [{ op: 'copy', path: 'title' }, 'invalidSyntax', 'Operations[0]: op "copy" is not add, remove or replace'],
    [{ op: 'replace', path: 'title' }, 'invalidValue', 'Operations[0]: "replace" needs a value'],
  ])('rejects %j', (raw, scimType, detail) => {
    expect(() => normalize([raw])).toThrow(expect.objectContaining({ status: 400, scimType, detail }));
  });

  it(`accepts ${MAX_OPERATIONS} operations and refuses one more`, () => {
    const ops = Array.from({ length: MAX_OPERATIONS + 1 }, () => ({ op: 'remove', path: 'title' }));
    expect(normalize(ops.slice(1)).ops).toHaveLength(MAX_OPERATIONS);
    expect(() => normalize(ops)).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
  });
});
