/**
 * One SCIM attribute (RFC 7643 §2, §7) and what Roster does with it. The resource tables
 * (`user.ts`, `group.ts`) are made of these, and every other list of attributes is derived
 * from them (issue 16): /Schemas (discovery/), the body parser (schemas/), the PATCH engine
 * (patch/), the filter allow-list (filter/) and the row → resource mapper (resources/).
 */
export type Attribute<Column extends string = string> = {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';
  multiValued: boolean;
  required: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  /** What /Schemas says; empty for attributes Roster does not store, which it does not list. */
  description: string;
  /** Strings and references only (RFC 7643 §7). */
  caseExact?: boolean;
  canonicalValues?: string[];
  referenceTypes?: string[];
  /** Not on complex attributes (RFC 7643 §8.7.1 omits it there). */
  uniqueness?: 'none' | 'server' | 'global';
  subAttributes?: Attribute<Column>[];
  // Roster's own characteristics below; /Schemas leaves them out.
  /**
   * False: accepted by name (PATCH applies it, a body may carry it) but not kept, so the parser
   * drops it and names it in ignoredAttributes, and /Schemas does not list it.
   */
  stored: boolean;
  /** The row column a stored value lives in (db/schema), when it has one of its own. */
  column?: Column;
  /** In the filter and sortBy allow-list (docs/architecture.md pattern 6). */
  filterable?: boolean;
};

type Options<Column extends string> = Partial<Omit<Attribute<Column>, 'name' | 'type' | 'description' | 'subAttributes'>>;

const base = { multiValued: false, required: false, mutability: 'readWrite', returned: 'default' } as const;

/** Defaults follow RFC 7643 §2.2: not required, not caseExact, readWrite, returned default. */
export function text<C extends string = never>(name: string, description: string, options: Options<C> = {}): Attribute<C> {
  return { name, type: 'string', ...base, description, caseExact: false, uniqueness: 'none', stored: true, ...options };
}

export function bool<C extends string = never>(name: string, description: string, options: Options<C> = {}): Attribute<C> {
  return { name, type: 'boolean', ...base, description, stored: true, ...options };
}

export function dateTime<C extends string = never>(name: string, description: string, options: Options<C> = {}): Attribute<C> {
  return { name, type: 'dateTime', ...base, description, stored: true, ...options };
}

export function reference<C extends string = never>(name: string, description: string, referenceTypes: string[], options: Options<C> = {}): Attribute<C> {
  return { name, type: 'reference', ...base, description, caseExact: true, referenceTypes, uniqueness: 'none', stored: true, ...options };
}

export function complex<C extends string = never>(name: string, description: string, subAttributes: Attribute<C>[], options: Options<C> = {}): Attribute<C> {
  return { name, type: 'complex', ...base, description, subAttributes, stored: true, ...options };
}

/** An attribute Roster accepts by name and drops (see `stored`). */
export function notStored<C extends string = never>(attribute: Attribute<C>): Attribute<C> {
  return { ...attribute, stored: false };
}

/**
 * The RFC 7643 §2.4 sub-attributes of a multi-valued attribute. Roster keeps value, display,
 * type and primary; `$ref` is accepted and dropped.
 */
export function multiValuedSubs<C extends string = never>(value: Attribute<C>, types: string[]): Attribute<C>[] {
  return [
    value,
    text('display', 'A human-readable name for the value.'),
    text('type', 'A label indicating the function of the value.', { canonicalValues: types }),
    bool('primary', 'Whether this is the primary value; true at most once.'),
    notStored(reference('$ref', '', [])),
  ];
}

/** A resource's attributes: its core schema's, then each extension's (RFC 7643 §3). */
export type ResourceTable<Column extends string = string> = {
  resource: 'User' | 'Group';
  /** id, externalId, meta and schemas (RFC 7643 §3, §3.1): /Schemas does not repeat them. */
  common: readonly Attribute<Column>[];
  core: { urn: string; name: string; description: string; attributes: readonly Attribute<Column>[] };
  extensions: readonly { urn: string; name: string; description: string; attributes: readonly Attribute<Column>[] }[];
};
