import crypto from 'node:crypto';
import type { Db, DbOrTx } from '@/db/client';
import type { ScimAction } from '@/lib/audit/audit-actions';
import { toAuditRow, type AuditEventInput } from '@/lib/audit/audit-row';
import { pgErrorCode } from '@/lib/errors';
import { maskSecrets } from '@/lib/secrets';
import { isStorableText } from '@/lib/storable-text';
import type { VerifiedToken } from '@/lib/tokens/verify-scim-token';
import { PolicyError } from '@/lib/policy/owner-guard';
import { authenticate } from './authenticate';
import { SyncNotes, type OperationResult, type ScimContext } from './context';
import { ScimError } from './errors';
import { detectIdp } from './idp';
import { callLogBatchFor } from './call-log/call-log-batch';
import { recordRequest } from './call-log/record-request';
import { assertWithinTokenRate, countAuthFailure } from './rate-limits';
import { readJsonBody } from './read-body';
import { scimJson } from './respond';
import { deadlineFor, noteDatabaseAnswered, noteDatabaseUnavailable } from './outage-deadline';
import { matchRoute, type RouteMatch } from './route-table';
import { toScimError } from './to-scim-error';

/** Actions after which open team pages should refresh. */
const MUTATING = /\.(create|replace|patch|delete)$/;

export type ScimDeps = {
  db: Db;
  /** Public base URL of the SCIM API, from configuration (never from a request header). */
  baseUrl: string;
  /** The client's address as the app server sees it, for the token list and rate limits. */
  clientIp?: string | null;
  /** Requests a token may make per minute; 0 or absent: no limit. */
  tokenRatePerMinute?: number;
  /** Longest a request may take before it is answered 503 (default 10 s). */
  deadlineMs?: number;
};

/** Everything after /api/scim/v2 in the request path, split on '/'. */
export function scimPathSegments(url: URL): string[] {
  const match = /\/api\/scim\/v2(?:\/(.*))?$/i.exec(url.pathname);
  return (match?.[1] ?? '').split('/').filter(Boolean).map(decodeSegment);
}

/** A malformed %-escape cannot name anything: it stays as sent and will not match a route or id. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Query values PostgreSQL could not store (NUL, lone surrogates) are refused before any query. */
function assertStorableQuery(url: URL): void {
  for (const [name, value] of url.searchParams) {
    if (!isStorableText(value)) {
      throw new ScimError(
        400,
        name.toLowerCase() === 'filter' ? 'invalidFilter' : 'invalidValue',
        `The ${name.slice(0, 40)} parameter has a NUL character or invalid Unicode`,
      );
    }
  }
}

/**
 * One SCIM request in, one SCIM response out. The change and its sync-log row share one
 * transaction; when the request fails, the change rolls back and the failure is logged in a
 * transaction of its own (docs/architecture.md pattern 4).
 */
export async function handleScimRequest(request: Request, deps: ScimDeps): Promise<Response> {
  // While PostgreSQL restarts, a query can wait on a connection that will never answer; the IdP
  // must get a 503 it can retry, not a hung request (npm run test:faults measures this).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clock: Deadline = { passed: false };
  const deadline = new Promise<Response>((resolve) => {
    timer = setTimeout(
      () => {
        clock.passed = true;
        resolve(deadlineError().toResponse());
      },
      deadlineFor(deps.db, deps.deadlineMs ?? DEFAULT_DEADLINE_MS),
    );
  });
  try {
    return await Promise.race([handleWithoutDeadline(request, deps, clock), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const DEFAULT_DEADLINE_MS = 10_000;

/** Set when the IdP has been answered 503: the change still running must then not commit. */
type Deadline = { passed: boolean };
const deadlineError = () => new ScimError(503, undefined, 'The database did not answer in time; retry shortly', { 'Retry-After': '5' });

async function handleWithoutDeadline(request: Request, deps: ScimDeps, clock: Deadline): Promise<Response> {
  const startedAt = performance.now();
  const url = new URL(request.url);
  const notes = new SyncNotes({ method: request.method, path: url.pathname.replace(/^.*\/api\/scim\/v2/i, '').slice(0, 300) || '/' });
  let idp = detectIdp({ userAgent: request.headers.get('user-agent'), url });
  let token: VerifiedToken | undefined;
  let action: ScimAction = 'scim.request.invalid';
  let resourceType: string | null = null;
  const batch = callLogBatchFor(deps.db);
  try {
    const auth = await authenticate(deps.db, request.headers.get('authorization'));
    if (!auth.ok) {
      const limited = auth.reason === 'scope' ? null : await countAuthFailure(deps.db, deps.clientIp, auth.token?.orgId);
      const error = limited ?? auth.error;
      if (auth.token) await logFailure(deps, auth.token, 'scim.auth.fail', null, error, notes, idp, startedAt);
      return error.toResponse();
    }
    token = auth.token;
    assertStorableQuery(url);
    const perMinute = deps.tokenRatePerMinute ?? 0;
    if (perMinute > 0) assertWithinTokenRate(batch.hitTokenRate(token.id, perMinute), perMinute);
    const route: RouteMatch = matchRoute(request.method, scimPathSegments(url));
    action = route.operation.action;
    resourceType = route.operation.resourceType;
    const body = route.operation.needsBody ? await readJsonBody(request) : undefined;
    if (body !== undefined) idp = detectIdp({ userAgent: request.headers.get('user-agent'), url, body });
    const verified = token;
    const auditOf = (outcome: { resourceId?: string; status: number }) =>
      auditInput(verified, route.operation.action, route.operation.resourceType, outcome.resourceId ?? route.id, outcome.status, notes, idp, startedAt);
    const result = await runOperation(route, { deps, request, url, token: verified, body, notes, auditOf, clock });
    if (route.operation.commit === 'read') batch.logRead(readLogRow(auditOf(result)));
    // After the commit: open team pages refresh (one notification per org per batch).
    else if (MUTATING.test(action)) batch.notifyTeam(verified.orgId);
    if (!clock.passed) noteDatabaseAnswered(deps.db);
    batch.tokenUsed({ org_id: verified.orgId, id: verified.id, ip: deps.clientIp ?? null, idp, at: new Date().toISOString() });
    if (result.body === undefined) return new Response(null, { status: result.status, headers: result.headers });
    return scimJson(result.status, result.body, result.headers);
  } catch (thrown) {
    const error = toScimError(thrown);
    if (error.status === 503 && !(thrown instanceof ScimError)) noteDatabaseUnavailable(deps.db);
    // The Security card finds the policy's refusals by this name (lib/policy/find-policy-refusals).
    if (thrown instanceof PolicyError) notes.summary.policy = thrown.rule;
    if (error.status >= 500 && !(thrown instanceof ScimError)) {
      const requestId = crypto.randomUUID();
      // Method, path and the error only: never the body or headers (docs/architecture.md mistake 10).
      console.error(`[scim ${requestId}] ${request.method} ${maskSecrets(String(notes.summary.path))}: ${describeError(thrown)}`);
      notes.summary.requestId = requestId;
    }
    if (token) {
      await logFailure(deps, token, action, resourceType, error, notes, idp, startedAt).catch((logError: unknown) => {
        console.error(`[scim] the sync-log row of a failed ${request.method} could not be written: ${describeError(logError)}`);
      });
    }
    return error.toResponse();
  }
}

type Run = {
  deps: ScimDeps;
  request: Request;
  url: URL;
  token: VerifiedToken;
  body: unknown;
  notes: SyncNotes;
  auditOf: (outcome: { resourceId?: string; status: number }) => ReturnType<typeof auditInput>;
  clock: Deadline;
};

/**
 * Runs the operation in its commit mode (context.ts CommitMode; lib/scim/README.md step 6). A
 * read's sync-log row is the caller's to batch; every change's row is written by now, with it.
 */
async function runOperation(route: RouteMatch, run: Run): Promise<OperationResult> {
  const { deps, clock } = run;
  const ctxFor = <Q extends DbOrTx>(tx: Q): ScimContext<Q> => ({
    tx,
    orgId: run.token.orgId,
    token: run.token,
    baseUrl: deps.baseUrl,
    request: run.request,
    url: run.url,
    id: route.id,
    body: run.body,
    notes: run.notes,
    auditAs: (status) => run.auditOf({ status }),
    transaction,
  });
  // A change and its sync-log row commit together (docs/architecture.md pattern 4).
  async function transaction(work: (ctx: ScimContext) => Promise<OperationResult>): Promise<OperationResult> {
    return deps.db.transaction(async (tx) => {
      const outcome = await work(ctxFor(tx));
      if (!outcome.logged) await recordRequest(tx, run.auditOf(outcome));
      // The IdP was told 503 and will retry: committing now would apply the change twice
      // (or answer the retry 409). Roll back instead.
      if (clock.passed) throw deadlineError();
      return { ...outcome, logged: true };
    });
  }
  const operation = route.operation;
  switch (operation.commit) {
    case 'read':
      // A read changes nothing: no BEGIN/COMMIT, and its sync-log row leaves with the next
      // batch (call-log/call-log-batch.ts), so a cached-token lookup is ONE round trip.
      return operation.run(ctxFor(deps.db));
    case 'statement': {
      // The change and its sync-log row are one statement: one round trip, atomic by itself
      // (or, when that statement cannot apply, ctx.transaction).
      const result = await operation.run(ctxFor(deps.db));
      if (!result.logged) throw new Error(`${operation.action} answered without writing its sync-log row`);
      return result;
    }
    case 'transaction':
      return transaction(operation.run);
  }
}

/**
 * What may be logged about an unexpected error: its kind, the database's code and the driver's
 * message. Never Drizzle's own message, which repeats the query's parameters (request values).
 */
function describeError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const shown = cause ?? (error instanceof Error && error.name !== 'DrizzleQueryError' ? error : undefined);
  const code = pgErrorCode(error);
  return `${shown?.name ?? 'Error'}${code ? ` ${code}` : ''}: ${shown?.message ?? 'query failed'}`.slice(0, 300);
}

function auditInput(
  token: VerifiedToken,
  action: ScimAction,
  resourceType: string | null,
  resourceId: string | undefined,
  status: number,
  notes: SyncNotes,
  idp: string,
  startedAt: number,
): AuditEventInput<ScimAction> & { startedAt: number } {
  return {
    orgId: token.orgId,
    action,
    actor: { type: 'token' as const, id: token.id, label: token.name },
    resourceType: resourceType ?? undefined,
    resourceId: resourceId ?? null,
    status,
    idp,
    startedAt,
    summary: {
      ...notes.summary,
      ...(notes.adaptations.size ? { adaptations: [...notes.adaptations] } : {}),
      ...(notes.ignoredAttributes.size ? { ignoredAttributes: [...notes.ignoredAttributes] } : {}),
      ...(notes.notes.length ? { notes: notes.notes } : {}),
    },
  };
}

/**
 * When the request arrived, to the microsecond. A read's row is written later in a batch, so
 * it is dated here; a whole-millisecond Date could sort it after the change that followed it
 * (a change is dated by its transaction's now(), in microseconds).
 */
function isoMicros(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const micros = Math.floor((epochMs - whole) * 1000)
    .toString()
    .padStart(3, '0');
  return new Date(whole).toISOString().replace('Z', `${micros}Z`);
}

function readLogRow(audit: ReturnType<typeof auditInput>) {
  return { ...toAuditRow(audit), occurred_at: isoMicros(performance.timeOrigin + audit.startedAt) };
}

async function logFailure(
  deps: ScimDeps,
  token: VerifiedToken,
  action: ScimAction,
  resourceType: string | null,
  error: ScimError,
  notes: SyncNotes,
  idp: string,
  startedAt: number,
): Promise<void> {
  notes.summary.error = { scimType: error.scimType, detail: error.detail };
  // One INSERT is its own transaction: no BEGIN/COMMIT around it.
  await recordRequest(deps.db, auditInput(token, action, resourceType, undefined, error.status, notes, idp, startedAt));
}
