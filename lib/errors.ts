import { errorCode, findInCauses } from './error-cause';

/**
 * Expected failures of domain operations, as values with a code. One table maps codes to HTTP
 * statuses (dub's pattern); server actions turn them into form messages, SCIM into ScimErrors.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_many_requests: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Which field a form should highlight (e.g. a taken slug). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      /** What was typed, so the form can show it again (React resets forms after an action). */
      values?: Record<string, string>;
    };

/** The text fields of a submitted form, minus secrets, to refill it after a failure. */
export function echoFormValues(formData: FormData, omit: string[] = ['password']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !omit.includes(key) && !key.startsWith('$')) values[key] = value.slice(0, 500);
  }
  return values;
}

/** Expected errors become a form message; anything else is a bug and is rethrown. */
export type ActionFailure = Extract<ActionResult, { ok: false }>;

export function toActionResult(error: unknown): ActionFailure {
  if (error instanceof AppError) {
    return {
      ok: false,
      message: error.message,
      ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : {}),
    };
  }
  throw error;
}

/** Postgres unique violation (23505), as thrown by postgres.js, PGlite, or wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === '23505';
}

export function pgErrorCode(error: unknown): string | undefined {
  return errorCode(error, (code) => /^[0-9A-Z]{5}$/.test(code), 4);
}

/** The violated constraint's name: postgres.js calls it constraint_name, PGlite constraint. */
export function violatedConstraint(error: unknown): string | undefined {
  return findInCauses(
    error,
    (named) => {
      const name = named.constraint_name ?? named.constraint;
      return typeof name === 'string' ? name : undefined;
    },
    4,
  );
}
