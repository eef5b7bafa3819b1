import type { Tx } from '@/db/client';
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
}

/** Per request; never stored on a shared object (docs/architecture.md mistake 5). */
export type ScimContext = {
  tx: Tx;
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
  /** The request's sync-log row for a given outcome status, for a oneStatement operation. */
  auditAs: (status: number) => AuditEventInput<ScimAction>;
};

export type OperationResult = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  resourceId?: string;
};

export type Operation = {
  action: ScimAction;
  resourceType: 'User' | 'Group' | null;
  needsBody: boolean;
  /** Changes nothing: runs without a transaction (its sync-log row is written on its own). */
  readOnly?: boolean;
  /**
   * Writes its change and its sync-log row (ctx.auditAs) in ONE statement, which is its own
   * transaction: it runs without BEGIN/COMMIT and the handler writes no row for it.
   */
  oneStatement?: boolean;
  run: (ctx: ScimContext) => Promise<OperationResult>;
};
