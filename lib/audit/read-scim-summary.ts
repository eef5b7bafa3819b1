import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { scimRequestSummarySchema, type ScimRequestSummary } from './scim-summary';

type ScimKey = keyof ScimRequestSummary;
/** The declared keys of a stored summary that fit their schema, typed. */
export type KnownScimSummary = { [K in ScimKey]?: z.output<(typeof scimRequestSummarySchema.shape)[K]> };

const fields = scimRequestSummarySchema.shape;

/**
 * `summary->>'key'` for a key the SCIM summary declares (scim-summary.ts): a misspelt key does
 * not compile. The key is a constant of that list, written as a literal so the planner sees it.
 */
export function scimSummaryText(summary: AnyPgColumn | SQL, key: ScimKey): SQL<string | null> {
  return sql<string | null>`${summary}->>${sql.raw(`'${key}'`)}`;
}

/** `summary->'error'->>'field'`: what the IdP was answered when the request failed. */
export function scimErrorText(summary: AnyPgColumn | SQL, field: keyof NonNullable<ScimRequestSummary['error']>): SQL<string | null> {
  return sql<string | null>`${summary}->'error'->>${sql.raw(`'${field}'`)}`;
}

/**
 * A stored SCIM summary read through its schema, tolerantly: each declared key whose value fits
 * is returned typed in `known`; anything else (a key from an older release, a value of another
 * shape) is kept as it is in `rest`, so the detail view still shows it and no row loses content.
 */
export function readScimSummary(summary: Record<string, unknown>): { known: KnownScimSummary; rest: Record<string, unknown> } {
  const known: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    const field = Object.hasOwn(fields, key) ? fields[key as ScimKey] : undefined;
    const parsed = field?.safeParse(value);
    if (parsed?.success && parsed.data !== undefined) known[key] = parsed.data;
    else rest[key] = value;
  }
  return { known: known, rest };
}
