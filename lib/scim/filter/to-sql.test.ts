import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { compileGroupFilter, compileUserFilter } from './to-sql';
import { errorOf } from '@/test/scim-error-of';

const dialect = new PgDialect();
const user = (filter: string) => dialect.sqlToQuery(compileUserFilter(filter));
const group = (filter: string) => dialect.sqlToQuery(compileGroupFilter(filter));

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ID = '2819c223-7f76-453a-919d-413861904646';
const m = (col: string) => `"members"."${col}"`;
const field = (name: string) => `lower((multi_value.entry ->> '${name}'))`;
const any = (col: string, where: string) => `exists (select 1 from jsonb_array_elements(${m(col)}) as multi_value(entry) where ${where})`;
const has = (col: string, n: number) => `(lower(${m(col)}::text)::jsonb @> jsonb_build_array(jsonb_build_object('value', lower($${n}::text))))`;

describe('compileUserFilter', () => {
  it.each([
    // caseExact=false strings compare lower() to lower(): the shape of members_org_id_user_name_uq
    ['userName eq "ALICE@EXAMPLE.COM"', `lower(${m('user_name')}) = lower($1)`, ['ALICE@EXAMPLE.COM']],
    ['USERNAME Eq "a"', `lower(${m('user_name')}) = lower($1)`, ['a']],
    [`urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"`, `lower(${m('user_name')}) = lower($1)`, ['a']],
    // externalId is caseExact (RFC 7643 §3.1)
    ['externalId eq jyoung', `${m('external_id')} = $1`, ['jyoung']],
    ['externalId sw "A"', `${m('external_id')} like $1`, ['A%']],
    ['displayName ne "Bob"', `lower(${m('display_name')}) is distinct from lower($1)`, ['Bob']],
    ['name.givenName co "an"', `lower(${m('given_name')}) like lower($1)`, ['%an%']],
    ['Name.FamilyName sw "O\'"', `lower(${m('family_name')}) like lower($1)`, ["O'%"]],
    ['name.formatted ew "Jr"', `lower(${m('formatted_name')}) like lower($1)`, ['%Jr']],
    ['title co "50%_off\\\\"', `lower(${m('title')}) like lower($1)`, ['%50\\%\\_off\\\\%']],
    ['title pr', `(${m('title')} is not null and ${m('title')} <> '')`, []],
    ['title eq null', `${m('title')} is null`, []],
    ['title ne null', `${m('title')} is not null`, []],
    ['userType gt "B"', `lower(${m('user_type')}) > lower($1)`, ['B']],
    ['locale le "en"', `lower(${m('locale')}) <= lower($1)`, ['en']],
    [`${ENT}:employeeNumber eq 00123`, `lower(${m('employee_number')}) = lower($1)`, ['00123']],
    [`${ENT}:employeeNumber eq 701984`, `lower(${m('employee_number')}) = lower($1)`, ['701984']],
    [`${ENT}:department eq "Sales"`, `lower(${m('department')}) = lower($1)`, ['Sales']],
    ['department eq "Sales"', `lower(${m('department')}) = lower($1)`, ['Sales']],
    [`${ENT}:costCenter eq "4130"`, `lower(${m('cost_center')}) = lower($1)`, ['4130']],
    [`${ENT}:organization eq "X"`, `lower(${m('organization')}) = lower($1)`, ['X']],
    [`${ENT}:division eq "X"`, `lower(${m('division')}) = lower($1)`, ['X']],
    [`${ENT}:manager.value eq "${ID}"`, `${m('manager_id')} = $1`, [ID]],
    [`${ENT}:manager eq "${ID}"`, `${m('manager_id')} = $1`, [ID]],
    // booleans: active ↔ status; Entra-style string booleans tolerated
    ['active eq true', `${m('status')} = 'active'`, []],
    ['active eq false', `not (${m('status')} = 'active')`, []],
    ['active ne true', `not (${m('status')} = 'active')`, []],
    ['active eq "False"', `not (${m('status')} = 'active')`, []],
    ['active pr', 'true', []],
    // uuids: a value that is not a UUID never reaches PostgreSQL
    [`id eq "${ID}"`, `${m('id')} = $1`, [ID]],
    [`id ne "${ID}"`, `${m('id')} is distinct from $1`, [ID]],
    ['id eq "not-a-uuid"', 'false', []],
    ['id ne "not-a-uuid"', 'true', []],
    ['id eq 42', 'false', []],
    ['userName eq "a" or id eq "nope"', `lower(${m('user_name')}) = lower($1)`, ['a']],
    ['userName eq "a" and id eq "nope"', 'false', []],
    // dateTimes
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', `${m('updated_at')} > $1::timestamptz`, ['2011-05-13T04:42:34Z']],
    ['meta.created ge "2024-02-29"', `${m('created_at')} >= $1::timestamptz`, ['2024-02-29']],
    ['meta.created lt "2024-01-01T10:00:00.123456+02:00"', `${m('created_at')} < $1::timestamptz`, ['2024-01-01T10:00:00.123456+02:00']],
    ['meta.created eq "2024-01-01T00:00:00Z"', `${m('created_at')} = $1::timestamptz`, ['2024-01-01T00:00:00Z']],
    // emails and phoneNumbers: ANY entry of the JSON list (RFC 7644 §3.4.2.2), with the GIN
    // index's containment test beside `value eq` (db/migrations/0005)
    ['emails eq "a@b.c"', `(${has('emails', 1)} and ${any('emails', `${field('value')} = lower($2)`)})`, ['a@b.c', 'a@b.c']],
    ['emails.value eq "a@b.c"', `(${has('emails', 1)} and ${any('emails', `${field('value')} = lower($2)`)})`, ['a@b.c', 'a@b.c']],
    [
      'emails[type eq "work"].value eq "a@b.c"',
      `(${has('emails', 1)} and ${any('emails', `(${field('type')} = lower($2) and ${field('value')} = lower($3))`)})`,
      ['a@b.c', 'work', 'a@b.c'],
    ],
    ['emails[type eq "home"]', any('emails', `${field('type')} = lower($1)`), ['home']],
    ['emails[value co "@example.com"]', any('emails', `${field('value')} like lower($1)`), ['%@example.com%']],
    [
      'emails[type eq "work" and primary eq true]',
      any('emails', `(${field('type')} = lower($1) and coalesce((multi_value.entry ->> 'primary') = 'true', false))`),
      ['work'],
    ],
    ['emails[display eq "x"]', any('emails', `${field('display')} = lower($1)`), ['x']],
    ['emails pr', any('emails', `((multi_value.entry ->> 'value') is not null and (multi_value.entry ->> 'value') <> '')`), []],
    [
      'phoneNumbers[type eq "work"].value eq "1"',
      `(${has('phone_numbers', 1)} and ${any('phone_numbers', `(${field('type')} = lower($2) and ${field('value')} = lower($3))`)})`,
      ['1', 'work', '1'],
    ],
    ['phoneNumbers[type eq "mobile"]', any('phone_numbers', `${field('type')} = lower($1)`), ['mobile']],
    // logic and SCIM's two-valued not
    [
      'title eq "a" or title eq "b" and userType eq "c"',
      `(lower(${m('title')}) = lower($1) or (lower(${m('title')}) = lower($2) and lower(${m('user_type')}) = lower($3)))`,
      ['a', 'b', 'c'],
    ],
    ['not (title eq "a")', `(lower(${m('title')}) = lower($1)) is not true`, ['a']],
    ['not (id eq "x")', 'true', []],
  ])('%s', (filter, text, params) => {
    const query = user(filter);
    expect(query.sql).toBe(text);
    expect(query.params).toEqual(params);
  });

  it.each([
    `userName eq "x' or 1=1 --"`,
    'userName eq "x\\"; drop table members; --"',
    "externalId eq robert';drop",
    "title co \"'); delete from members where ('1'='1\"",
  ])('keeps the injection attempt %s in a parameter', (filter) => {
    const query = user(filter);
    expect(query.sql).not.toMatch(/drop|delete|1=1|'x/i);
    expect(query.params).toHaveLength(1);
  });

  it.each([
    // never a dropped clause (STYLE mistake 7): the whole filter fails
    ['nickName eq "x"', 'Attribute "nickName" is not filterable on User'],
    ['userName eq "a" or password eq "x"', 'Attribute "password" is not filterable on User'],
    ['name eq "x"', 'Attribute "name" is not filterable on User'],
    ['userName[value eq "x"]', '"userName" is not multi-valued: no [filter] allowed'],
    ['emails[shoeSize eq "x"]', 'Sub-attribute "shoeSize" of "emails" is not filterable'],
    // a number is never an order for a string (issue 14): "10" < "9" as text
    ['userName gt 5', '"userName" is a string: compare it with a quoted string, not the number 5'],
    ['name.familyName le 0', '"name.familyName" is a string: compare it with a quoted string, not the number 0'],
    ['urn:example:custom:1.0:User:badge eq "x"', 'Schema "urn:example:custom:1.0:User" is not filterable on User'],
    ['urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq "x"', 'Schema "urn:ietf:params:scim:schemas:core:2.0:Group" is not filterable on User'],
    // operators that do not fit the type
    ['id gt "x"', 'Operator "gt" is not supported for "id"'],
    ['id co "2819"', 'Operator "co" is not supported for "id"'],
    ['active gt true', 'Operator "gt" is not supported for "active"'],
    ['active eq "yes"', '"active" is a boolean; got "yes"'],
    ['meta.created co "2024"', 'Operator "co" is not supported for "meta.created"'],
    ['meta.created gt "2024-02-30"', '"meta.created" needs an RFC 3339 date-time, got "2024-02-30"'],
    ['meta.created gt "yesterday"', '"meta.created" needs an RFC 3339 date-time, got "yesterday"'],
    ['meta.created gt "0000-01-01"', '"meta.created" needs an RFC 3339 date-time, got "0000-01-01"'],
    ['meta.created gt 2024', '"meta.created" needs an RFC 3339 date-time, got 2024'],
    ['userName eq true', '"userName" is a string; true is a boolean'],
    ['title co null', 'Operator "co" cannot compare "title" with null'],
  ])('rejects %s with 400 invalidFilter', (filter, detail) => {
    expect(errorOf(() => compileUserFilter(filter))).toMatchObject({ status: 400, scimType: 'invalidFilter', detail });
  });
});

describe('compileGroupFilter', () => {
  const exists = '"group_members"."org_id" = "groups"."org_id" and "group_members"."group_id" = "groups"."id"';
  it.each([
    ['displayName eq "Sales"', 'lower("groups"."display_name") = lower($1)', ['Sales']],
    ['externalId eq "abc"', '"groups"."external_id" = $1', ['abc']],
    [`id eq "${ID}"`, '"groups"."id" = $1', [ID]],
    ['meta.lastModified ge "2024-01-01T00:00:00Z"', '"groups"."updated_at" >= $1::timestamptz', ['2024-01-01T00:00:00Z']],
    [`members.value eq "${ID}"`, `exists (select 1 from "group_members" where ${exists} and "group_members"."member_id" = $1)`, [ID]],
    [`members eq "${ID}"`, `exists (select 1 from "group_members" where ${exists} and "group_members"."member_id" = $1)`, [ID]],
    [`members[value eq "${ID}"]`, `exists (select 1 from "group_members" where ${exists} and "group_members"."member_id" = $1)`, [ID]],
    [
      `displayName eq "Sales" and members[value eq "${ID}"]`,
      `(lower("groups"."display_name") = lower($1) and exists (select 1 from "group_members" where ${exists} and "group_members"."member_id" = $2))`,
      ['Sales', ID],
    ],
    ['members pr', `exists (select 1 from "group_members" where ${exists} and "group_members"."member_id" is not null)`, []],
    ['members[value eq "not-a-uuid"]', 'false', []],
    ['members.value eq "not-a-uuid"', 'false', []],
  ])('%s', (filter, text, params) => {
    const query = group(filter);
    expect(query.sql).toBe(text);
    expect(query.params).toEqual(params);
  });

  it.each([
    ['userName eq "x"', 'Attribute "userName" is not filterable on Group'],
    [`${ENT}:department eq "x"`, `Schema "${ENT}" is not filterable on Group`],
    ['members[display eq "Alice"]', 'Sub-attribute "display" of "members" is not filterable'],
    ['members.value co "2819"', 'Operator "co" is not supported for "members.value"'],
  ])('rejects %s with 400 invalidFilter', (filter, detail) => {
    expect(errorOf(() => compileGroupFilter(filter))).toMatchObject({ status: 400, scimType: 'invalidFilter', detail });
  });
});
