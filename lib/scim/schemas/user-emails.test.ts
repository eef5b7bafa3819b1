import { describe, expect, it } from 'vitest';
import { ENTERPRISE_USER_URN } from '../urns';
import { EMAIL_REQUIRED, parseUserBody } from './user';
import { errorOf as scimErrorOf } from '@/test/scim-error-of';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const user = (extra: Record<string, unknown>) => ({ schemas: [CORE], userName: 'ada', ...extra });

const errorOf = (body: unknown) => scimErrorOf(() => parseUserBody(body));

describe('the primary work email', () => {
  it.each<[string, unknown[], string]>([
    [
      'the entry marked primary',
      [
        { value: 'home@x.io', type: 'home' },
        { value: 'p@x.io', type: 'other', primary: true },
      ],
      'p@x.io',
    ],
    [
      'else the first work entry',
      [
        { value: 'home@x.io', type: 'home' },
        { value: 'w@x.io', type: 'Work' },
      ],
      'w@x.io',
    ],
    ['else the first entry', [{ value: 'one@x.io' }, { value: 'two@x.io' }], 'one@x.io'],
    [
      'with primary as a string',
      [
        { value: 'a@x.io', type: 'work' },
        { value: 'p@x.io', primary: 'True' },
      ],
      'p@x.io',
    ],
  ])('is %s', (_case, emails, email) => {
    expect(parseUserBody(user({ emails })).fields.email).toBe(email);
  });

  it('comes from an email-shaped userName when there is no email, with a note', () => {
    const parsed = parseUserBody({ schemas: [CORE], userName: 'ada@example.com' });
    expect(parsed.fields.email).toBe('ada@example.com');
    expect(parsed.adaptations).toContain('email taken from userName');
  });

  it('is required otherwise: 400 invalidValue saying what to send', () => {
    const error = errorOf(user({ emails: [] }));
    expect([error.status, error.scimType, error.detail]).toEqual([400, 'invalidValue', EMAIL_REQUIRED]);
  });

  it('must look like an email address', () => {
    expect(errorOf(user({ emails: [{ value: 'not-an-email', primary: true }] })).detail).toBe('"emails[0].value" is not an email address');
  });
});

describe('emails and phoneNumbers', () => {
  it('keeps only the first primary flag (RFC 7643 §2.4), with a note', () => {
    const parsed = parseUserBody(
      user({
        emails: [
          { value: 'a@x.io', primary: true },
          { value: 'b@x.io', primary: 'true' },
        ],
      }),
    );
    expect(parsed.fields.emails.map((e) => e.primary)).toEqual([true, false]);
    expect(parsed.adaptations).toContain('extra primary flags dropped');
  });

  it('wraps a bare string entry inside the list, with a note', () => {
    const parsed = parseUserBody(user({ emails: [{ value: 'ada@example.com' }], phoneNumbers: ['+33 1 23 45 67 89'] }));
    expect(parsed.fields.phoneNumbers).toEqual([{ value: '+33 1 23 45 67 89' }]);
    expect(parsed.adaptations).toEqual(expect.arrayContaining(['bare value wrapped as multi-valued entry']));
  });

  // Issue 14: no IdP sends these, and guessing stored them (201).
  it.each<[string, Record<string, unknown>]>([
    ['emails as a string', { emails: 'a@example.com' }],
    ['emails as a single object', { emails: { value: 'a@example.com', type: 'work' } }],
    ['phoneNumbers as a string', { phoneNumbers: '555' }],
    ['phoneNumbers as a single object', { phoneNumbers: { value: '555' } }],
  ])('refuses %s with 400 invalidValue naming the attribute', (_case, extra) => {
    const error = errorOf(user({ emails: [{ value: 'ada@example.com' }], ...extra }));
    expect([error.status, error.scimType]).toEqual([400, 'invalidValue']);
    expect(error.detail).toMatch(/(emails|phoneNumbers)" is multi-valued/);
  });

  it('names sub-attributes it does not keep', () => {
    const parsed = parseUserBody(user({ emails: [{ value: 'a@x.io', $ref: 'mailto:a@x.io', label: 'x' }] }));
    expect(parsed.ignoredAttributes).toEqual(['emails.$ref', 'emails.label']);
  });

  it.each(['emails', 'phoneNumbers'])('allows at most 20 %s', (name) => {
    const entries = Array.from({ length: 21 }, (_, i) => ({ value: `u${i}@x.io` }));
    const error = errorOf(user({ emails: [{ value: 'a@x.io' }], [name]: entries }));
    expect([error.scimType, error.detail]).toEqual(['invalidValue', `"${name}" must have at most 20 entries`]);
    expect(parseUserBody(user({ [name]: entries.slice(0, 20), emails: entries.slice(0, 20) })).fields[name as 'emails']).toHaveLength(20);
  });

  it.each<[unknown, string]>([
    [42, 'invalidSyntax'],
    [[{ value: 'a@x.io', primary: 'maybe' }], 'invalidValue'],
    [[{ value: 7 }], 'invalidSyntax'],
  ])('refuses emails %j', (emails, scimType) => {
    expect(errorOf(user({ emails })).scimType).toBe(scimType);
  });
});

describe('manager', () => {
  const manager = (value: unknown) => user({ emails: [{ value: 'a@x.io' }], [ENTERPRISE_USER_URN]: { manager: value } });

  it.each<[unknown, string | null, string | undefined]>([
    [{ value: '9A4B1C1E-7F9E-4D2B-8A53-5B1F0C3D2E11' }, '9a4b1c1e-7f9e-4d2b-8a53-5b1f0c3d2e11', undefined],
    ['9a4b1c1e-7f9e-4d2b-8a53-5b1f0c3d2e11', '9a4b1c1e-7f9e-4d2b-8a53-5b1f0c3d2e11', 'bare manager id wrapped'],
    [{ value: 'boss@example.com', displayName: 'Boss' }, null, 'manager value not a Roster id: ignored'],
    [{ value: '' }, null, undefined],
    [null, null, undefined],
  ])('%j → %s', (value, managerId, note) => {
    const parsed = parseUserBody(manager(value));
    expect(parsed.fields.managerId).toBe(managerId);
    if (note) expect(parsed.adaptations).toContain(note);
  });
});
