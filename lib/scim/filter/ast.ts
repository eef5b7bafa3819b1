/**
 * The SCIM filter AST (RFC 7644 §3.4.2.2) shared by the SQL compiler (to-sql.ts), the
 * in-memory value-filter evaluator (evaluate.ts) and PATCH paths (RFC 7644 §3.5.2).
 * Attribute names keep the case they were sent in; consumers compare them case-insensitively.
 */

export const COMPARE_OPS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/** A comparison value: a JSON literal, or an unquoted bare word (taken as a string). */
export type FilterValue = string | number | boolean | null;

/**
 * `[URI ":"] ATTRNAME [ "." subAttr ]`, or for a value path `attr[filter].subAttr`.
 * `valueFilter` is only set for the value-path-with-sub-attribute form that Entra sends
 * (`emails[type eq "work"].value eq "a@b.c"`) and for PATCH paths.
 */
export type AttrPath = {
  /** Schema URN prefix as sent, e.g. `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`. */
  uri?: string;
  attr: string;
  subAttr?: string;
  valueFilter?: FilterNode;
};

export type CompareNode = {
  kind: 'compare';
  path: AttrPath;
  op: CompareOp;
  value: FilterValue;
  /** Source text of a number or bare word, so `employeeNumber eq 00123` keeps its digits. */
  raw: string;
};
export type PresentNode = { kind: 'present'; path: AttrPath };
export type LogicalNode = { kind: 'and' | 'or'; left: FilterNode; right: FilterNode };
export type NotNode = { kind: 'not'; expr: FilterNode };
/** `emails[type eq "work"]`: true when some value of the multi-valued attribute matches. */
export type ValuePathNode = { kind: 'valuePath'; path: AttrPath; filter: FilterNode };

export type FilterNode = CompareNode | PresentNode | LogicalNode | NotNode | ValuePathNode;

/** `a.b` for messages; the URN is kept so the detail names what was sent. */
export function formatPath(path: AttrPath): string {
  const base = path.uri ? `${path.uri}:${path.attr}` : path.attr;
  const filter = path.valueFilter ? '[...]' : '';
  return path.subAttr ? `${base}${filter}.${path.subAttr}` : `${base}${filter}`;
}
