import type { SyncEventRowDto } from './find-audit-events';

/** Columns of the sync-log export, in order, with how each is read from a row. */
export const csvColumns: [string, (row: SyncEventRowDto) => string | number | null][] = [
  ['occurred_at', (r) => r.occurredAt],
  ['action', (r) => r.action],
  ['method', (r) => r.method],
  ['path', (r) => r.path],
  ['status', (r) => r.status],
  ['idp', (r) => r.idp],
  ['duration_ms', (r) => r.durationMs],
  ['token', (r) => r.tokenName],
  ['resource_id', (r) => r.resourceId],
  ['filter', (r) => r.filter],
  ['error_type', (r) => r.errorType],
  ['error_detail', (r) => r.errorDetail],
  // Last, so spreadsheets built on the earlier columns keep working.
  ['resource_name', (r) => r.resourceName],
];

/**
 * One RFC 4180 cell. Values come from the IdP (paths, filters, error details echo its input), so
 * a cell starting with = + - @ (or tab/CR) is prefixed with ' to stop spreadsheets running it as
 * a formula (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvHeader(): string {
  return csvLine(csvColumns.map(([name]) => name));
}

export function csvRow(row: SyncEventRowDto): string {
  return csvLine(csvColumns.map(([, read]) => read(row)));
}
