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

  it('sign-up stores the org name and owner name exactly', async () => {
    for (const [i, name] of NASTY_BUT_VALID_NAMES.entries()) {
      const input = signUpSchema.parse({ orgName: name, slug: `nasty-${i}-${run}`, name, email: `nasty-${i}-${run}@example.test`, password: 'correct horse battery' });
      const created = await createOrgWithOwner(handle.db, input);
      expect((await getOrgBySlug(handle.db, input.slug))?.name).toBe(input.orgName);
      const [owner] = await handle.db.select().from(members).where(eq(members.orgId, created.orgId));
      expect(owner).toMatchObject({ displayName: input.name, userName: input.email });
    }
  });

  it('adding a member stores names and emails exactly (after trim and lower-casing)', async () => {
    const emails = ["o'brien@example.test", 'Grace.Hopper+tag@Example.TEST', 'first.last@sub.example.test'];
    for (const [i, name] of NASTY_BUT_VALID_NAMES.entries()) {
      const input = addMemberSchema.parse({ name, email: `${i}.${emails[i % emails.length]}`, role: 'admin' });
      const { memberId } = await addMember(handle.db, orgId, input, system);
      expect(await getMember(handle.db, orgId, memberId)).toMatchObject({ displayName: input.name, email: input.email, userName: input.email, role: 'admin' });
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

  // Known bug formNul, team page: `?q=%00` passes teamQuerySchema and PostgreSQL refuses it,
  // so the page errors instead of showing no results.
  it('the team search answers query text with NUL', async () => {
    for (const q of HOSTILE_STRINGS.filter((s) => s.includes('\u0000'))) await findTeamMembers(handle.db, orgId, teamQuerySchema.parse({ q }));
  });

  // Known bug formNul: the form schemas accept U+0000 and lone surrogates; PostgreSQL then
  // refuses NUL (an uncaught error: the action throws instead of showing a message) and stores
  // a lone surrogate as U+FFFD. Flip to `it` once lib/validation refuses them.
  it('names PostgreSQL cannot store are refused with a field message, or stored exactly', async () => {
    for (const name of UNSTORABLE_NAMES) {
      const parsed = addMemberSchema.safeParse({ name, email: `u${UNSTORABLE_NAMES.indexOf(name)}-${run}@example.test`, role: 'member' });
      if (!parsed.success) continue;
      const { memberId } = await addMember(handle.db, orgId, parsed.data, system);
      expect((await getMember(handle.db, orgId, memberId))?.displayName).toBe(name);
    }
  });
});
