import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/lib/audit/audit-actions';
import { getDb } from '@/lib/database';
import { echoFormValues, toActionResult, type ActionResult } from '@/lib/errors';
import { assertAdmin, assertOwner, type Membership } from './guards';

/** What a guarded action's body gets: the caller's membership, as read from the database on this call. */
export type ActionContext = Membership & { db: Db; actor: AuditActor };

export type FormAction<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

type ActionOptions = {
  /** The form message for input that does not parse; the field errors go along with it. */
  invalid?: string;
  /** Refill the form after a refusal (React resets forms after an action), minus these secret fields. */
  echo?: { omit: string[] };
};

/**
 * The frame every owner or admin server action shares (docs/architecture.md pattern 1 and 3):
 * the guard re-reads the caller's role from the database on every call, the form is parsed
 * with zod (safeParse), and an expected AppError becomes a form message. The body only calls
 * lib/ and revalidates. One small wrapper per guard, no flags (docs/architecture.md mistake 12).
 */
function guardedAction<S extends z.ZodType, T>(
  guard: (slug: unknown) => Promise<Membership>,
  schema: S,
  body: (input: z.infer<S>, context: ActionContext) => Promise<ActionResult<T>>,
  { invalid = 'Check the highlighted fields', echo }: ActionOptions = {},
): FormAction<T> {
  return async (_prev, formData) => {
    const values = echo ? echoFormValues(formData, echo.omit) : undefined;
    try {
      const membership = await guard(formData.get('slug'));
      const parsed = schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return { ok: false, message: invalid, fieldErrors: z.flattenError(parsed.error).fieldErrors, ...(values ? { values } : {}) };
      const actor: AuditActor = { type: 'account', id: membership.account.id, label: membership.account.email };
      return await body(parsed.data, { ...membership, db: await getDb(), actor });
    } catch (error) {
      return { ...toActionResult(error), ...(values ? { values } : {}) };
    }
  };
}

/** An owner-only server action: anyone else gets "Only owners can do this". */
export function ownerAction<S extends z.ZodType, T = undefined>(
  schema: S,
  body: (input: z.infer<S>, context: ActionContext) => Promise<ActionResult<T>>,
  options?: ActionOptions,
): FormAction<T> {
  return guardedAction(assertOwner, schema, body, options);
}

/** A server action admins may take too; what an admin may not do is refused in lib/members. */
export function adminAction<S extends z.ZodType, T = undefined>(
  schema: S,
  body: (input: z.infer<S>, context: ActionContext) => Promise<ActionResult<T>>,
  options?: ActionOptions,
): FormAction<T> {
  return guardedAction(assertAdmin, schema, body, options);
}
