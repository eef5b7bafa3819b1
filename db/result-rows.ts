/** Rows of a raw `db.execute`: postgres.js returns the rows themselves, PGlite returns { rows }. */
export function resultRows(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}
