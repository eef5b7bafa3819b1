/**
 * Every secret a test file creates or sends (SCIM token secrets, invite links, passwords, the
 * session secret), so test/no-secret-leaks.setup.ts can check that none of them reaches the
 * file's console or process output, an audit row, or a SCIM response. One registry per test file
 * (vitest runs each file in its own module graph).
 */
type Entry = { label: string };

const secrets = new Map<string, Entry>();

/** Shorter values (a test's "x" password) would match by accident; real secrets are longer. */
export const MIN_SECRET_LENGTH = 8;

export function registerSecret(value: unknown, label: string): void {
  if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || secrets.has(value)) return;
  secrets.set(value, { label });
}

export function registeredSecrets(): ReadonlyMap<string, Entry> {
  return secrets;
}

/** A secret as it may be shown in a failure: its kind and first characters, never all of it. */
export function describeSecret(value: string): string {
  return `${secrets.get(value)?.label ?? 'secret'} ${value.slice(0, 6)}… (${value.length} chars)`;
}

/** The registered secrets that occur in `text`. */
export function secretsIn(text: string): string[] {
  if (text.length < MIN_SECRET_LENGTH) return [];
  const found: string[] = [];
  for (const value of secrets.keys()) if (text.includes(value)) found.push(value);
  return found;
}

/** `text` with every registered secret replaced, so a failure message can quote the context. */
export function maskSecrets(text: string): string {
  let masked = text;
  for (const value of secrets.keys()) masked = masked.split(value).join(`[${secrets.get(value)?.label ?? 'secret'}]`);
  return masked;
}

/** Throws (without repeating the secret) when `text` holds a registered secret. */
export function assertNoSecretIn(text: string, where: string): void {
  const found = secretsIn(text);
  if (found.length > 0) throw new Error(`${found.map(describeSecret).join(', ')} reached ${maskSecrets(where)}: ${maskSecrets(text).slice(0, 300)}`);
}

/** Registers the string values of any key named like a password, at any depth (SCIM bodies). */
export function registerPasswordsIn(value: unknown, label: string, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (/pass(word)?$/i.test(key) && typeof v === 'string') registerSecret(v, label);
    else registerPasswordsIn(v, label, depth + 1);
  }
}
