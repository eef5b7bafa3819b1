import { describe, it } from 'vitest';
import { createDb } from '@/db/client';
import { scimClientFor, userBody, patchBody } from '@/test/scim-harness';

describe('probe', () => {
  it('probes', async () => {
    const h = await createDb({ dataDir: 'memory://' });
    const c = await scimClientFor(h.db);
    const u = await c.call('POST', '/Users', userBody('real@example.test'));
    const id = String(u.json?.id);
    const g = await c.call('POST', '/Groups', { displayName: 'G' });
    const gid = String(g.json?.id);
    const cases: [string, string, unknown?, Record<string,string>?][] = [
      ['POST', '/Users', userBody('nul\u0000@example.test')],
      ['POST', '/Users', userBody('x@example.test', { displayName: 'a\u0000b' })],
      ['POST', '/Groups', { displayName: 'g\u0000' }],
      ['GET', '/Users?filter=' + encodeURIComponent('userName eq "a\\u0000b"')],
      ['GET', '/Users?filter=' + encodeURIComponent('userName eq "a\u0000b"')],
      ['GET', '/Users/%00'],
      ['GET', '/Users/%E0%A4%A'],
      ['GET', '/Users/..%2F..%2Fetc%2Fpasswd'],
      ['GET', '/Users/' + id + '%00'],
      ['PATCH', '/Users/' + id, patchBody({ op: 'replace', path: 'displayName', value: 'a\u0000' })],
      ['PATCH', '/Groups/' + gid, patchBody({ op: 'replace', path: 'displayName', value: 'a\u0000' })],
      ['GET', '/Users?startIndex=1e309'],
      ['GET', '/Users?startIndex=99999999999999999999'],
      ['GET', '/Users?count=-1'],
      ['GET', '/Users?sortBy=' + encodeURIComponent('userName; drop table members')],
      ['POST', '/Users', '{"a":' ],
      ['POST', '/Users', userBody('y@example.test'), { 'content-type': 'text/html' }],
      ['POST', '/Users', userBody('lone\ud800@example.test')],
      ['GET', '/Users?filter=' + encodeURIComponent('meta.created gt "9999-12-31T23:59:59Z"')],
      ['GET', '/Users?filter=' + encodeURIComponent('meta.created gt "0001-01-01T00:00:00+15:59"')],
      ['GET', '/Users?filter=' + encodeURIComponent('meta.created gt "99999-01-01"')],
      ['PATCH', '/Users/' + id, patchBody({ op: 'add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager', value: '00000000-0000-0000-0000-000000000000' })],
      ['PUT', '/Groups/' + gid, { displayName: 'G', members: [{ value: id + 'x' }] }],
    ];
    for (const [m, p, b, hd] of cases) {
      const r = await c.call(m, p, b, hd);
      console.log(m, p.slice(0, 60), r.status, r.text.slice(0, 200));
    }
    await h.close();
  });
});
