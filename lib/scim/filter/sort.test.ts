import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors';
import { groupSortColumn, userSortColumn } from './sort';

const render = (fragment: ReturnType<typeof userSortColumn>) => new PgDialect().sqlToQuery(fragment).sql;

describe('userSortColumn / groupSortColumn', () => {
  it.each([
    ['userName', 'lower("members"."user_name")'],
    ['name.givenName', 'lower("members"."given_name")'],
    ['urn:ietf:params:scim:schemas:core:2.0:User:NAME.FAMILYNAME', 'lower("members"."family_name")'],
    ['externalId', '"members"."external_id"'],
    ['meta.lastModified', '"members"."updated_at"'],
    ['id', '"members"."id"'],
    ['emails', 'lower("members"."email")'],
    ['emails.value', 'lower("members"."email")'],
    ['active', `"members"."status" = 'active'`],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', 'lower("members"."employee_number")'],
  ])('sorts users by %s', (sortBy, expected) => {
    expect(render(userSortColumn(sortBy))).toBe(expected);
  });

  it('sorts groups by displayName and meta.created', () => {
    expect(render(groupSortColumn('displayName'))).toBe('lower("groups"."display_name")');
    expect(render(groupSortColumn('meta.created'))).toBe('"groups"."created_at"');
  });

  it.each([
    ['user', 'nickName'],
    ['user', 'emails.type'],
    ['user', 'emails[type eq "work"]'],
    ['user', 'name'],
    ['user', ''],
    ['group', 'members'],
    ['group', 'members.value'],
    ['group', 'userName'],
  ])('refuses %s sortBy %j with 400 invalidValue', (kind, sortBy) => {
    const run = () => (kind === 'user' ? userSortColumn(sortBy) : groupSortColumn(sortBy));
    expect(run).toThrow(ScimError);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
      expect((error as ScimError).detail).toContain(`sortBy "${sortBy}"`);
    }
  });
});
