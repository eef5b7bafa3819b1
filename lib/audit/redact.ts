/**
 * Last line of defence for the audit summary: whatever a caller put there, keys that can hold
 * secrets are replaced, strings shaped like Roster's secrets are masked, and long strings are cut. Callers already pass only names and paths.
 */
import { maskSecrets } from '@/lib/secrets';
import { toStorableText } from '@/lib/storable-text';

const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|credential/i;
const MAX_STRING = 500;
const MAX_DEPTH = 5;

export function redactSummary(summary: Record<string, unknown>): Record<string, unknown> {
  return redactValue(summary, 0) as Record<string, unknown>;
}

function redactValue(value: unknown, depth: number): unknown {
  // Request text can hold what jsonb refuses (NUL, lone surrogates): the row must still be written.
  // A secret pasted where a path or filter belongs is masked wherever it sits.
  if (typeof value === 'string') return toStorableText(maskSecrets(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value));
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[toStorableText(key)] = SECRET_KEY.test(key) ? '[redacted]' : redactValue(v, depth + 1);
  }
  return out;
}
