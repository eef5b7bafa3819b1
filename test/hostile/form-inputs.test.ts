import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { members } from '@/db/schema';
import type { DbHandle } from '@/db/client';
import { addMember } from '@/lib/members/add-member';
import { findTeamMembers } from '@/lib/members/find-team-members';
import { getMember } from '@/lib/members/get-member';
import { createOrgWithOwner } from '@/lib/orgs/create-org-with-owner';
import { getOrgBySlug } from '@/lib/orgs/get-org-by-slug';
import { createScimToken } from '@/lib/tokens/create-scim-token';
import { findScimTokens } from '@/lib/tokens/find-scim-tokens';
import { addMemberSchema, teamQuerySchema } from '@/lib/validation/member';
import { signUpSchema } from '@/lib/validation/sign-up';
import { createScimTokenSchema } from '@/lib/validation/token';
import { seedOrg } from '@/test/seed';
import { testDrivers } from '@/test/test-databases';
import { FORM_SCHEMAS, HOSTILE_FORMS, HOSTILE_STRINGS, HOSTILE_VALUES, NASTY_BUT_VALID_NAMES, UNSTORABLE_NAMES, VALUE_SCHEMAS } from './form-corpus';

/**
 * Hostile form input (issue 6): every form schema, fed garbage in every field, answers with a
 * field message (z.flattenError, as the server actions do) or a clean value — never a throw.
 * Values the forms accept, however odd, are stored and read back exactly.
 */
const system = { type: 'system' as const, label: 'hostile-forms' };

/** Messages a form would show: short, and never the (possibly huge) value echoed back. */
function expectUsableMessages(messages: string[] | undefined, value: unknown, where: string): void {
  expect(messages?.length, where).toBeGreaterThan(0);
  for (const message of messages ?? []) {
    expect(message.length, where).toBeGreaterThan(0);
    expect(message.length, where).toBeLessThanOrEqual(200);
    if (typeof value === 'string' && value.length > 20) expect(message, where).not.toContain(value);
  }
}

/** A short label for any value, even one without a prototype. */
function show(value: unknown): string {
  try {
    return JSON.stringify(String(value)).slice(0, 40);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const clean = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

describe('form schemas against hostile input', () => {
  it(`flags the field or returns clean values, never throws (${HOSTILE_VALUES.length} values per field)`, () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(50);
    let checked = 0;
    for (const { name, schema, valid } of FORM_SCHEMAS) {
      for (const field of Object.keys(valid)) {
        for (const value of HOSTILE_VALUES) {
          const input: Record<string, unknown> = { ...valid, [field]: value };
          if (value === undefined) delete input[field];
          const where = `${name}.${field} = ${show(value)}`;
          const result = schema.safeParse(input);
          checked += 1;
          if (result.success) {
            for (const out of Object.values(result.data as Record<string, unknown>)) expect(clean(out), where).toBe(true);
            continue;
          }
          const flat = z.flattenError(result.error);
          expect(flat.formErrors, where).toEqual([]);
          expect(Object.keys(flat.fieldErrors), where).toEqual([field]);
          expectUsableMessages((flat.fieldErrors as Record<string, string[]>)[field], value, where);
        }
      }
    }
    console.info(`form fields: ${checked} hostile inputs checked`);
  });

  it('single-value schemas (ids, slug, email, password) refuse with a message or return a string', () => {
    for (const { name, schema } of VALUE_SCHEMAS) {
      for (const value of HOSTILE_VALUES) {
        const result = schema.safeParse(value);
        if (result.success) expect(typeof result.data, name).toBe('string');
        else expectUsableMessages(z.flattenError(result.error).formErrors, value, `${name} = ${show(value)}`);
      }
    }
  });

  it('refuses things that are not a form at all, with a message', () => {
    for (const { name, schema } of FORM_SCHEMAS) {
      for (const form of HOSTILE_FORMS) {
        const result = schema.safeParse(form);
        expect(result.success, name).toBe(false);
        if (result.success) continue;
        const flat = z.flattenError(result.error);
        expect([...flat.formErrors, ...Object.values(flat.fieldErrors).flat()].length, name).toBeGreaterThan(0);
      }
    }
  });

  it('reads any team-page query string as sane defaults', () => {
    for (const field of ['q', 'page', 'status', 'source']) {
      for (const value of HOSTILE_VALUES) {
        const query = teamQuerySchema.parse({ [field]: value });
        expect(Number.isInteger(query.page) && query.page >= 1 && query.page <= 100_000).toBe(true);
        expect(query.q === undefined || query.q.length <= 100).toBe(true);
        expect([undefined, 'active', 'suspended']).toContain(query.status);
        expect([undefined, 'scim', 'manual']).toContain(query.source);
      }
    }
  });
});

describe.each(testDrivers())('odd but valid form values on $driver', ({ open }) => {
  let handle: DbHandle;
  let orgId: string;
  const run = `${process.pid}-${Date.now().toString(36)}`;
  beforeAll(async () => {
    handle = await open();
    orgId = (await seedOrg(handle.db, 'forms')).orgId;
  });
  afterAll(() => handle.close());

  it('sign-up stores the org name and owner names exactly', async () => {
    for (const [i, name] of NASTY_BUT_VALID_NAMES.entries()) {
      const input = signUpSchema.parse({
        orgName: name,
        slug: `nasty-${i}-${run}`,
        givenName: name,
        familyName: name,
        email: `nasty-${i}-${run}@example.test`,
        password: 'correct horse battery',
      });
      const created = await createOrgWithOwner(handle.db, input);
      expect((await getOrgBySlug(handle.db, input.slug))?.name).toBe(input.orgName);
      const [owner] = await handle.db.select().from(members).where(eq(members.orgId, created.orgId));
      expect(owner).toMatchObject({
        givenName: input.givenName,
        familyName: input.familyName,
        displayName: `${input.givenName} ${input.familyName}`,
        userName: input.email,
      });
    }
  });

  it('adding a member stores names and emails exactly (after trim and lower-casing)', async () => {
    const emails = ["o'brien@example.test", 'Grace.Hopper+tag@Example.TEST', 'first.last@sub.example.test'];
    for (const [i, name] of NASTY_BUT_VALID_NAMES.entries()) {
      const input = addMemberSchema.parse({ givenName: name, familyName: 'Family', email: `${i}.${emails[i % emails.length]}`, role: 'admin' });
      const { memberId } = await addMember(handle.db, orgId, input, system);
      expect(await getMember(handle.db, orgId, memberId)).toMatchObject({
        givenName: input.givenName,
        familyName: 'Family',
        displayName: `${input.givenName} Family`,
        email: input.email,
        userName: input.email,
        role: 'admin',
      });
    }
  });

  it('token names are stored exactly', async () => {
    for (const name of NASTY_BUT_VALID_NAMES) {
      const input = createScimTokenSchema.parse({ name, expiresInDays: '7' });
      await createScimToken(handle.db, orgId, { name: input.name, scopes: ['scim:manage'], expiresInDays: input.expiresInDays }, system);
    }
    const names = (await findScimTokens(handle.db, orgId)).map((t) => t.name);
    for (const name of NASTY_BUT_VALID_NAMES) expect(names).toContain(name.trim());
  });

  it('the team search answers any query text without NUL', async () => {
    for (const q of HOSTILE_STRINGS.filter((s) => !s.includes('\u0000'))) {
      const page = await findTeamMembers(handle.db, orgId, teamQuerySchema.parse({ q }));
      expect(Number.isInteger(page.total)).toBe(true);
    }
  });

  // Once a bug (formNul): `?q=%00` passed teamQuerySchema and PostgreSQL refused it, so the page
  // errored. A search the database cannot run is dropped: the owner sees the whole team.
  it('the team search with NUL in its text shows the whole team, as with no search', async () => {
    const everyone = await findTeamMembers(handle.db, orgId, teamQuerySchema.parse({}));
    expect(everyone.total).toBeGreaterThan(0);
    for (const q of HOSTILE_STRINGS.filter((s) => s.includes('\u0000'))) {
      const page = await findTeamMembers(handle.db, orgId, teamQuerySchema.parse({ q }));
      expect(page.total, JSON.stringify(q)).toBe(everyone.total);
    }
  });

  // Once a bug (formNul): the forms accepted U+0000 and lone surrogates, which PostgreSQL then
  // refused (the action threw) or stored as U+FFFD. Now the form shows a message on the field.
  it('names PostgreSQL cannot store are refused with a message on the name fields, and nothing is stored', async () => {
    const before = (await findTeamMembers(handle.db, orgId, teamQuerySchema.parse({}))).total;
    for (const name of UNSTORABLE_NAMES) {
      const parsed = addMemberSchema.safeParse({
        givenName: name,
        familyName: name,
        email: `u${UNSTORABLE_NAMES.indexOf(name)}-${run}@example.test`,
        role: 'member',
      });
      expect(parsed.success, JSON.stringify(name)).toBe(false);
      if (parsed.success) continue;
      const { fieldErrors } = z.flattenError(parsed.error);
      expect(Object.keys(fieldErrors).sort()).toEqual(['familyName', 'givenName']);
      expectUsableMessages(fieldErrors.givenName, name, JSON.stringify(name));
    }
    expect((await findTeamMembers(handle.db, orgId, teamQuerySchema.parse({}))).total).toBe(before);
  });
});
