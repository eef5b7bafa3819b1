import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvRow } from './sync-log-csv';
import type { SyncEventRowDto } from './find-audit-events';

describe('sync log CSV', () => {
  it.each([
    [null, ''],
    [201, '201'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('escapes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a header and one CRLF-terminated line per event', () => {
    const row: SyncEventRowDto = {
      key: 'k',
      occurredAt: '2026-03-10T11:59:00.000000Z',
      action: 'scim.user.list',
      method: 'GET',
      path: '/Users',
      status: 200,
      idp: 'entra',
      durationMs: 7,
      tokenName: 'Entra, prod',
      resourceId: null,
      resourceName: 'a@b.test',
      filter: 'userName eq "a@b.test"',
      errorType: null,
      errorDetail: null,
    };
    expect(csvHeader()).toBe('occurred_at,action,method,path,status,idp,duration_ms,token,resource_id,filter,error_type,error_detail,resource_name\r\n');
    expect(csvRow(row)).toBe('2026-03-10T11:59:00.000000Z,scim.user.list,GET,/Users,200,entra,7,"Entra, prod",,"userName eq ""a@b.test""",,,a@b.test\r\n');
  });
});
