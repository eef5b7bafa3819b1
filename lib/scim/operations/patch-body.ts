import type { AnyScimContext } from '../context';
import { invalidSyntax } from '../errors';
import { PATCH_OP_SCHEMA } from '../urns';

/**
 * The Operations array of a PATCH body (RFC 7644 §3.5.2). A missing PatchOp schema URN is
 * tolerated and noted; a missing or empty Operations array is a 400.
 */
export function patchOperationsOf(ctx: AnyScimContext): unknown[] {
  const body = ctx.body as Record<string, unknown>;
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'operations');
  const operations = key ? body[key] : undefined;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax('A PATCH body needs a non-empty "Operations" array');
  }
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_SCHEMA)) ctx.notes.adaptations.add('PatchOp schema URN missing');
  ctx.notes.summary.ops = operations.slice(0, 50).map((op) => {
    const o = (op ?? {}) as Record<string, unknown>;
    const value = o.value;
    return {
      op: typeof o.op === 'string' ? o.op.slice(0, 20) : typeof o.op,
      ...(typeof o.path === 'string' ? { path: o.path.slice(0, 200) } : {}),
      ...(!o.path && value && typeof value === 'object' && !Array.isArray(value) ? { keys: Object.keys(value).slice(0, 30) } : {}),
    };
  });
  return operations;
}
