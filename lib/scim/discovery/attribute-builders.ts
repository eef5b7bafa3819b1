/** An attribute definition in a /Schemas document (RFC 7643 §7). */
export type SchemaAttribute = {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';
  multiValued: boolean;
  description: string;
  required: boolean;
  /** Strings and references only (RFC 7643 §7). */
  caseExact?: boolean;
  canonicalValues?: string[];
  referenceTypes?: string[];
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  /** Not on complex attributes (RFC 7643 §8.7.1 omits it there). */
  uniqueness?: 'none' | 'server' | 'global';
  subAttributes?: SchemaAttribute[];
};

type Options = Partial<Omit<SchemaAttribute, 'name' | 'type' | 'description'>>;

const base = { multiValued: false, required: false, mutability: 'readWrite', returned: 'default' } as const;

/** Defaults follow RFC 7643 §2.2: not required, not caseExact, readWrite, returned default. */
export function text(name: string, description: string, options: Options = {}): SchemaAttribute {
  return { name, type: 'string', ...base, description, caseExact: false, uniqueness: 'none', ...options };
}

export function bool(name: string, description: string, options: Options = {}): SchemaAttribute {
  return { name, type: 'boolean', ...base, description, ...options };
}

export function reference(name: string, description: string, referenceTypes: string[], options: Options = {}): SchemaAttribute {
  return { name, type: 'reference', ...base, description, caseExact: true, referenceTypes, uniqueness: 'none', ...options };
}

export function complex(name: string, description: string, subAttributes: SchemaAttribute[], options: Options = {}): SchemaAttribute {
  return { name, type: 'complex', ...base, description, subAttributes, ...options };
}

/** The discovery documents are module constants shared by every request: frozen, so no caller can change them for the next. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
