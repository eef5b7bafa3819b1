import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors';
import { CORE_GROUP_URN, CORE_USER_URN, ENTERPRISE_USER_URN } from '../urns';
import { groupRow, memberRow } from '@/test/fixtures/idp/rows';
import { toGroupResource } from '../resources/group-resource';
import { toUserResource } from '../resources/user-resource';
import { parseGroupBody } from '../schemas/group';
import { parseUserBody } from '../schemas/user';
import { USER_TABLE } from '../attributes/user';
import type { SchemaAttribute } from './schema-attribute';
import { schemaById } from './schemas';

const BASE = 'https://roster.example.com/api/scim/v2';
const MANAGER = '9a4b1c1e-7f9e-4d2b-8a53-5b1f0c3d2e11';
const MEMBER = '2819c223-7f76-453a-919d-413861904646';
const listed = (urn: string): SchemaAttribute[] => schemaById(urn, BASE)?.attributes ?? [];
const USER_ATTRIBUTES = listed(CORE_USER_URN);
const ENTERPRISE_USER_ATTRIBUTES = listed(ENTERPRISE_USER_URN);
const GROUP_ATTRIBUTES = listed(CORE_GROUP_URN);

/** A value for every writable attribute listed in /Schemas, distinct from any default. */
function sample(attribute: SchemaAttribute, path: string): unknown {
  if (attribute.type === 'complex') {
    const value = Object.fromEntries(
      (attribute.subAttributes ?? []).filter((s) => s.mutability !== 'readOnly').map((s) => [s.name, sample(s, `${path}.${s.name}`)]),
    );
    return attribute.multiValued ? [value] : value;
  }
  if (attribute.type === 'boolean') return path !== 'active';
  if (attribute.canonicalValues) return attribute.canonicalValues[0];
  if (path === 'userName' || path === 'emails.value') return 'ada@example.com';
  if (path === 'manager.value') return MANAGER;
  if (path === 'members.value') return MEMBER;
  return `${path} sample`;
}

const body = (attributes: readonly SchemaAttribute[]) =>
  Object.fromEntries(attributes.filter((a) => a.mutability !== 'readOnly').map((a) => [a.name, sample(a, a.name)]));

/** Each listed attribute and sub-attribute comes back; writable ones with the value sent. */
function expectReturned(attributes: readonly SchemaAttribute[], sent: Record<string, unknown>, got: Record<string, unknown>): void {
  for (const attribute of attributes) {
    const value = got[attribute.name];
    expect(value, attribute.name).toBeDefined();
    if (attribute.mutability !== 'readOnly' && attribute.type !== 'complex') expect(value, attribute.name).toEqual(sent[attribute.name]);
    if (attribute.type !== 'complex') continue;
    const entries = (attribute.multiValued ? value : [value]) as Record<string, unknown>[];
    const sentEntries = (attribute.multiValued ? sent[attribute.name] : [sent[attribute.name]]) as Record<string, unknown>[];
    expect(entries, attribute.name).toHaveLength(sentEntries.length);
    entries.forEach((entry, i) => expectReturned(attribute.subAttributes ?? [], sentEntries[i] ?? {}, entry));
  }
}

describe('every attribute /Schemas lists round-trips: body → parser → row → resource', () => {
  it('User and enterprise User', () => {
    const enterprise = body(ENTERPRISE_USER_ATTRIBUTES);
    const sent = { schemas: [CORE_USER_URN, ENTERPRISE_USER_URN], externalId: 'ext-42', ...body(USER_ATTRIBUTES), [ENTERPRISE_USER_URN]: enterprise };
    const parsed = parseUserBody(sent);
    expect(parsed.ignoredAttributes).toEqual([]);
    const resource = toUserResource(memberRow(parsed.fields), BASE);
    expect(resource.externalId).toBe('ext-42');
    expectReturned(USER_ATTRIBUTES, sent, resource);
    expectReturned(ENTERPRISE_USER_ATTRIBUTES, enterprise, resource[ENTERPRISE_USER_URN] as Record<string, unknown>);
  });

  it('Group', () => {
    const sent = { schemas: [CORE_GROUP_URN], externalId: 'g-7', ...body(GROUP_ATTRIBUTES) };
    const parsed = parseGroupBody(sent);
    const { displayName, externalId, memberIds } = parsed.fields;
    const resource = toGroupResource(
      groupRow({ displayName, externalId }),
      memberIds.map((value) => ({ value, display: 'Ada' })),
      BASE,
    );
    expect(resource.externalId).toBe('g-7');
    expectReturned(GROUP_ATTRIBUTES, sent, resource);
  });

  it('and the parser stores nothing /Schemas does not list: each such attribute is named and dropped', () => {
    const dropped = USER_TABLE.core.attributes.filter((a) => !a.stored && a.mutability !== 'readOnly').map((a) => a.name);
    expect(dropped.length).toBeGreaterThan(0);
    const sent = {
      schemas: [CORE_USER_URN],
      userName: 'ada@example.com',
      ...Object.fromEntries(dropped.map((name) => [name, name === 'password' ? 'x' : [{ value: 'x' }]])),
    };
    expect(parseUserBody(sent).ignoredAttributes).toEqual(dropped);
    for (const name of dropped) expect(USER_ATTRIBUTES.map((a) => a.name)).not.toContain(name);
  });
});

/**
 * What a schema-driven validator does (RFC 7643 §7): read /Schemas, send only what it marks
 * required (sub-attributes too), with a value of the declared type. The one thing it may know
 * beyond the document is RFC 7643 §4.1.2's meaning of emails.value (an email address); userName
 * is a plain word, so nothing else can stand in for a required email.
 */
function minimalFromSchemas(id: string): Record<string, unknown> {
  const document = schemaById(id, BASE);
  if (!document) throw new Error(`no /Schemas/${id}`);
  const value = (attribute: SchemaAttribute, path: string): unknown => {
    if (attribute.type === 'complex') {
      const entry = Object.fromEntries((attribute.subAttributes ?? []).filter((s) => s.required).map((s) => [s.name, value(s, `${path}.${s.name}`)]));
      return attribute.multiValued ? [entry] : entry;
    }
    if (attribute.type === 'boolean') return true;
    if (path === 'emails.value') return 'minimal@example.com';
    return `minimal-${path}`;
  };
  const required = document.attributes.filter((a) => a.required);
  return { schemas: [document.id], ...Object.fromEntries(required.map((a) => [a.name, value(a, a.name)])) };
}

const refusal = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    if (error instanceof ScimError) return error.status;
    throw error;
  }
  return 'accepted';
};

describe('a minimal resource built from /Schemas alone (RFC 7643 §7 required)', () => {
  it('User: what /Schemas marks required is enough, and each required attribute is needed', () => {
    const minimal = minimalFromSchemas(CORE_USER_URN);
    expect(Object.keys(minimal).sort()).toEqual(['emails', 'schemas', 'userName']);
    expect(minimal.emails).toEqual([{ value: 'minimal@example.com' }]);
    const parsed = parseUserBody(minimal);
    expect(parsed.fields).toMatchObject({ userName: 'minimal-userName', email: 'minimal@example.com' });
    for (const name of ['userName', 'emails']) {
      const without = { ...minimal };
      delete without[name];
      expect(
        refusal(() => parseUserBody(without)),
        `without ${name}`,
      ).toBe(400);
    }
    expect(
      refusal(() => parseUserBody({ ...minimal, emails: [{ type: 'work' }] })),
      'without emails.value',
    ).toBe(400);
  });

  it('Group: displayName is required and enough', () => {
    const minimal = minimalFromSchemas(CORE_GROUP_URN);
    expect(Object.keys(minimal).sort()).toEqual(['displayName', 'schemas']);
    expect(parseGroupBody(minimal).fields.displayName).toBe('minimal-displayName');
    expect(refusal(() => parseGroupBody({ schemas: [CORE_GROUP_URN] }))).toBe(400);
  });
});
