import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once; a bad value fails loudly with the variable's name.
 * AUTH_SECRET is required in production only: `npm run dev` generates one under the data dir
 * (lib/auth/dev-secret.ts), because Auth.js would otherwise fail on every request, not at boot.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** When set, Roster uses this PostgreSQL; when unset, embedded PGlite under ROSTER_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * `transaction` when DATABASE_URL goes through a transaction-mode pooler (PgBouncer
   * `pool_mode = transaction`, most managed poolers): nothing then relies on a server session
   * (no prepared statements, no LISTEN or session lock through it). Unset, Roster checks at start
   * and falls back to this mode, with a warning, if it finds such a pooler (db/pooler-probe.ts).
   */
  DATABASE_POOLER: z
    .enum(['transaction'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * A direct (or session-mode) connection to the same database, for what needs a session:
   * LISTEN (live team pages, token revocations) and migrations. Optional; useful with DATABASE_POOLER.
   */
  DATABASE_DIRECT_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Connections this instance opens to DATABASE_URL at most (postgres.js pool). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /** Where PGlite keeps its files and where the dev auth secret lives. */
  ROSTER_DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
  AUTH_URL: z.string().url().optional(),
  AUTH_TRUST_HOST: z.enum(['true', 'false', '1', '0']).optional(),
  /** Requests one SCIM token may make per minute, across all instances; 0 turns the limit off. */
  SCIM_TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120_000),
  /** Public base URL of this deployment, used for the SCIM endpoint shown to owners. */
  APP_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Parses an environment as getEnv does (tests pass their own). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Roster: invalid environment\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * Whether Auth.js may trust the request's Host header. Auth.js itself trusts it when AUTH_URL is
 * set (@auth/core setEnvDefaults), but only while `trustHost` is left undefined: Roster sets it, so
 * it must say the same thing, or production sign-in fails with UntrustedHost (issue 13).
 */
export function trustsHost(env: Env = getEnv()): boolean {
  return env.NODE_ENV !== 'production' || Boolean(env.AUTH_URL) || env.AUTH_TRUST_HOST === 'true' || env.AUTH_TRUST_HOST === '1';
}

/**
 * Refuses a production start that would only fail later, per request (docs/architecture.md, stack notes:
 * Auth.js v5 answers 500 MissingSecret / UntrustedHost instead of failing at boot).
 */
export function assertProductionEnv(env: Env = getEnv()): void {
  if (env.NODE_ENV !== 'production') return;
  const missing: string[] = [];
  if (!env.AUTH_SECRET) missing.push('AUTH_SECRET (e.g. `openssl rand -base64 33`)');
  if (!trustsHost(env)) {
    missing.push('AUTH_URL (the public URL) or AUTH_TRUST_HOST=true behind a trusted proxy');
  }
  if (missing.length > 0) {
    throw new Error(`Roster refuses to start in production without:\n  ${missing.join('\n  ')}`);
  }
}
