import { isUuid } from '@/lib/uuid';

import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { invalidFilter } from '../errors';
import type { CompareOp, FilterValue } from './ast';
import type { ScalarSpec } from './attribute-maps';

/** Shared constants so callers can simplify `x and true` by identity. */
export const SQL_TRUE = sql`true`;
export const SQL_FALSE = sql`false`;

/** One comparison (`op` undefined: `pr`) on one allow-listed attribute; values always as params. */
export type Comparison = { name: string; op: CompareOp | undefined; value: FilterValue; raw: string };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)?$/;
const ORDER: Partial<Record<CompareOp, string>> = { gt: '>', ge: '>=', lt: '<', le: '<=' };

export function compileScalar(spec: ScalarSpec, c: Comparison): SQL {
  switch (spec.type) {
    case 'string':
      return compileString(spec.column, spec.caseExact, c);
    case 'dateTime':
      return compileDateTime(spec.column, c);
    case 'uuid':
      return compileUuid(spec.column, c);
    case 'boolean':
      return compileBoolean(spec.truth, c);
  }
}

function unsupported(c: Comparison): never {
  throw invalidFilter(`Operator "${c.op ?? 'pr'}" is not supported for "${c.name}"`);
}

/** `null` compares with IS [NOT] NULL; `ne` uses IS DISTINCT FROM so NULL columns count as "not equal". */
function nullComparison(column: AnyPgColumn | SQL, c: Comparison): SQL {
  if (c.op === 'eq') return sql`${column} is null`;
  if (c.op === 'ne') return sql`${column} is not null`;
  throw invalidFilter(`Operator "${c.op ?? 'pr'}" cannot compare "${c.name}" with null`);
}

function compileString(column: AnyPgColumn | SQL, caseExact: boolean, c: Comparison): SQL {
  if (c.op === undefined) return sql`(${column} is not null and ${column} <> '')`;
  if (c.value === null) return nullComparison(column, c);
  if (typeof c.value === 'boolean') throw invalidFilter(`"${c.name}" is a string; ${c.raw} is a boolean`);
  // `userName gt 5`: strings order as text ("10" < "9"), so a number there is never what was
  // meant and no IdP sends it; refused rather than answered with an arbitrary set (issue 14).
  if (typeof c.value === 'number' && ORDER[c.op]) {
    throw invalidFilter(`"${c.name}" is a string: compare it with a quoted string, not the number ${c.raw}`);
  }
  // A bare number with eq/ne/co/sw/ew (`employeeNumber eq 00123`) compares as the text that was
  // sent: the unquoted-value dialect (Microsoft's `externalId eq jyoung`).
  const value = typeof c.value === 'string' ? c.value : c.raw;
  const col = caseExact ? sql`${column}` : sql`lower(${column})`;
  const param = (v: string) => (caseExact ? sql`${v}` : sql`lower(${v})`);
  const escaped = value.replace(/[\\%_]/g, '\\$&');
  switch (c.op) {
    case 'eq':
      return sql`${col} = ${param(value)}`;
    case 'ne':
      return sql`${col} is distinct from ${param(value)}`;
    // PostgreSQL's default LIKE escape character is the backslash.
    case 'co':
      return sql`${col} like ${param(`%${escaped}%`)}`;
    case 'sw':
      return sql`${col} like ${param(`${escaped}%`)}`;
    case 'ew':
      return sql`${col} like ${param(`%${escaped}`)}`;
    default:
      return sql`${col} ${sql.raw(ORDER[c.op] ?? '=')} ${param(value)}`;
  }
}

function compileDateTime(column: AnyPgColumn, c: Comparison): SQL {
  if (c.op === undefined) return sql`${column} is not null`;
  if (c.op === 'co' || c.op === 'sw' || c.op === 'ew') return unsupported(c);
  if (c.value === null) return nullComparison(column, c);
  if (typeof c.value !== 'string' || !isValidDateTime(c.value)) {
    throw invalidFilter(`"${c.name}" needs an RFC 3339 date-time, got ${JSON.stringify(c.value)}`);
  }
  if (c.op === 'eq') return sql`${column} = ${c.value}::timestamptz`;
  if (c.op === 'ne') return sql`${column} is distinct from ${c.value}::timestamptz`;
  return sql`${column} ${sql.raw(ORDER[c.op] ?? '=')} ${c.value}::timestamptz`;
}

/** A value that is not a UUID matches no row with `eq` and every row with `ne`. */
function compileUuid(column: AnyPgColumn, c: Comparison): SQL {
  if (c.op === undefined) return sql`${column} is not null`;
  if (c.value === null) return nullComparison(column, c);
  if (c.op !== 'eq' && c.op !== 'ne') return unsupported(c);
  const valid = typeof c.value === 'string' && isUuid(c.value);
  if (c.op === 'eq') return valid ? sql`${column} = ${c.value}` : SQL_FALSE;
  return valid ? sql`${column} is distinct from ${c.value}` : SQL_TRUE;
}

/** Booleans may arrive as "true"/"false" strings (Entra writes them so in PATCH; tolerated here too). */
function compileBoolean(truth: SQL, c: Comparison): SQL {
  if (c.op === undefined) return SQL_TRUE;
  const text = typeof c.value === 'string' ? c.value.toLowerCase() : undefined;
  const value = text === 'true' ? true : text === 'false' ? false : c.value;
  if (typeof value !== 'boolean') throw invalidFilter(`"${c.name}" is a boolean; got ${JSON.stringify(c.value)}`);
  if (c.op !== 'eq' && c.op !== 'ne') return unsupported(c);
  return value === (c.op === 'eq') ? truth : sql`not (${truth})`;
}

/** RFC 3339 shapes PostgreSQL accepts, with real calendar dates (JS Date rolls Feb 30 over). */
export function isValidDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0, tzHour = 0, tzMinute = 0] = m
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined || year < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  const realDay = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return realDay && hour <= 23 && minute <= 59 && second <= 59 && tzHour <= 15 && tzMinute <= 59;
}
