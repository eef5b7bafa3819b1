import type { Db, DbOrTx, Tx } from '@/db/client';
import type { ScimAction } from '@/lib/audit/audit-actions';
import type { AuditEventInput } from '@/lib/audit/audit-row';
import type { ScimRequestSummary } from '@/lib/audit/scim-summary';
import type { VerifiedToken } from '@/lib/tokens/verify-scim-token';

/**
 * What the sync log records beyond the status: dialect adaptations Roster applied, attributes it
 * dropped, and a redacted summary (filter, op paths, attribute names — never values of secrets).
 */
export class SyncNotes {
  readonly adaptations = new Set<string>();
  readonly ignoredAttributes = new Set<string>();
  readonly notes: string[] = [];
  /** Typed (lib/audit/scim-summary.ts): a misspelt key does not compile. */
  readonly summary: ScimRequestSummary;

  constructor(request: Pick<ScimRequestSummary, 'method' | 'path'>) {
    this.summary = { method: request.method, path: request.path };
  }

  adapt(list: Iterable<string>): void {
    for (const a of list) this.adaptations.add(a);
  }

  ignore(list: Iterable<string>): void {
    for (const a of list) this.ignoredAttributes.add(a);
  }

  /** What has been noted so far, to go back to when an attempt is abandoned and redone. */
  snapshot(): NotesSnapshot {
    return { adaptations: [...this.adaptations], ignoredAttributes: [...this.ignoredAttributes], notes: [...this.notes], summary: { ...this.summary } };
  }

  restore(snapshot: NotesSnapshot): void {
    this.adaptations.clear();
    this.adapt(snapshot.adaptations);
    this.ignoredAttributes.clear();
    this.ignore(snapshot.ignoredAttributes);
    this.notes.splice(0, this.notes.length, ...snapshot.notes);
    for (const key of Object.keys(this.summary) as (keyof ScimRequestSummary)[]) delete this.summary[key];
    Object.assign(this.summary, snapshot.summary);
  }
}

export type NotesSnapshot = { adaptations: string[]; ignoredAttributes: string[]; notes: string[]; summary: ScimRequestSummary };

/** Per request; never stored on a shared object (docs/architecture.md mistake 5). */
export type ScimContext<Q extends DbOrTx = Tx> = {
  /** Where the operation's statements go: its transaction ('transaction'), else the database handle. */
  tx: Q;
  orgId: string;
  token: VerifiedToken;
  /** e.g. https://roster.example.com/api/scim/v2 — for meta.location and Location headers. */
  baseUrl: string;
  request: Request;
  url: URL;
  /** The resource id from the path, when the route has one. */
  id: string | undefined;
  /** The parsed JSON body, for routes that take one. */
  body: unknown;
  notes: SyncNotes;
  /** The request's sync-log row for a given outcome status, for a change that writes its own row. */
  auditAs: (status: number) => AuditEventInput<ScimAction>;
  /**
   * Runs `work` as a 'transaction' operation runs: in one transaction with the request's sync-log
   * row (unless `work` wrote it: OperationResult.logged), rolled back when the deadline has passed.
   * For a 'statement' operation whose one statement cannot apply (lib/scim/operations/users.ts).
   */
  transaction: (work: (ctx: ScimContext) => Promise<OperationResult>) => Promise<OperationResult>;
};

/** A context of any commit mode, for helpers that only read. */
export type AnyScimContext = ScimContext<DbOrTx>;

export type OperationResult = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  resourceId?: string;
  /** The operation wrote the request's sync-log row itself, in its change's statement. */
  logged?: boolean;
};

/**
 * How an operation commits (lib/scim/README.md step 6):
 * - 'read' changes nothing: no BEGIN/COMMIT, its sync-log row leaves with the next batch;
 * - 'statement' writes its change and its sync-log row (ctx.auditAs) in ONE statement, its own
 *   transaction, on the database handle; when that cannot apply it falls back to ctx.transaction;
 * - 'transaction' runs in db.transaction, which also writes its sync-log row.
 */
export type CommitMode = 'read' | 'statement' | 'transaction';

type OperationBase = {
  action: ScimAction;
  resourceType: 'User' | 'Group' | null;
  needsBody: boolean;
};

export type Operation = OperationBase &
  (
    | { commit: Exclude<CommitMode, 'transaction'>; run: (ctx: ScimContext<Db>) => Promise<OperationResult> }
    | { commit: 'transaction'; run: (ctx: ScimContext) => Promise<OperationResult> }
  );
