import { z } from 'zod';
import { invalidSyntax, invalidValue } from '../errors';
import { PATCH_OPS, type PatchOpName, type PatchOperation } from './types';

/** More operations in one request is refused (400 invalidValue); no IdP sends that many. */
export const MAX_OPERATIONS = 1_000;

/** Collects dialect adaptations once each, in the order first seen. */
export class Adaptations {
  private readonly seen = new Set<string>();
  add(note: string): void {
    this.seen.add(note);
  }
  list(): string[] {
    return [...this.seen];
  }
}

const operationSchema = z.object({
  op: z.string().trim().min(1),
  path: z.string().nullish(),
  value: z.unknown().optional(),
});

const OP_NAMES = new Set<string>(PATCH_OPS);

/**
 * Validates the raw Operations array. A malformed operation (not an object, no op, an op
 * other than add/remove/replace, a non-string path) does not conform to the PatchOp schema:
 * 400 invalidSyntax (RFC 7644 §3.12). add/replace without a value: 400 invalidValue
 * (§3.5.2.1, §3.5.2.3 require "value"). An empty array is a no-op.
 */
export function normalizeOperations(raw: readonly unknown[], adaptations: Adaptations): PatchOperation[] {
  if (raw.length > MAX_OPERATIONS) throw invalidValue(`At most ${MAX_OPERATIONS} operations per request`);
  return raw.map((item, index) => normalizeOperation(item, index, adaptations));
}

function normalizeOperation(item: unknown, index: number, adaptations: Adaptations): PatchOperation {
  const parsed = operationSchema.safeParse(item);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message));
    throw invalidSyntax(`Operations[${index}]: ${details.join('; ')}`);
  }
  const { op: sent, path } = parsed.data;
  const op = sent.toLowerCase();
  if (!OP_NAMES.has(op)) throw invalidSyntax(`Operations[${index}]: op "${sent}" is not add, remove or replace`);
  // Entra sends "Add" / "Replace" / "Remove" (RFC 7644 §3.5.2 spells them lower-case).
  if (op !== sent) adaptations.add('capitalised op name');
  const hasValue = typeof item === 'object' && item !== null && Object.hasOwn(item, 'value');
  if (op !== 'remove' && !hasValue) throw invalidValue(`Operations[${index}]: "${op}" needs a value`);
  const trimmed = path?.trim();
  if (path !== undefined && path !== null && !trimmed) adaptations.add('empty path treated as no path');
  return {
    op: op as PatchOpName,
    ...(trimmed ? { path: trimmed } : {}),
    value: parsed.data.value,
    hasValue,
    index,
  };
}
