import type { Checks } from './check';
import { scimFetch, userBody } from './scim-fetch';
import { nextTeamEvent, signInCookie } from './sign-in';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
type Org = { slug: string; token: string; ownerEmail: string; ownerPassword: string };

/** A fixed provisioning script; `via(i)` picks which instance serves request i. */
async function provision(org: Org, via: (i: number) => string): Promise<void> {
  let i = 0;
  const send = (method: string, path: string, body?: unknown) => scimFetch(via(i++), org.token, method, path, body);
  const ids: string[] = [];
  for (let n = 0; n < 40; n++) ids.push(String((await send('POST', '/Users', userBody(`two-${n}@example.test`))).json?.id));
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) groups.push(String((await send('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Team ${g}` })).json?.id));
  for (let g = 0; g < 4; g++) {
    await send('PATCH', `/Groups/${groups[g]}`, { schemas: [PATCH], Operations: [{ op: 'Add', path: 'members', value: ids.filter((_, n) => n % 4 === g || n % 5 === 0).map((value) => ({ value })) }] });
  }
  for (let n = 0; n < 40; n += 7) await send('PATCH', `/Users/${ids[n]}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
  for (let n = 3; n < 40; n += 9) await send('DELETE', `/Users/${ids[n]}`);
  await send('PATCH', `/Groups/${groups[1]}`, { schemas: [PATCH], Operations: [{ op: 'Remove', path: 'members', value: [{ value: ids[5] }] }] });
}

/** The team's state with ids left out, so two orgs provisioned alike compare equal. */
async function digest(base: string, token: string): Promise<string> {
  const users = (await scimFetch(base, token, 'GET', '/Users?count=200&sortBy=userName')).json?.Resources as { id: string; userName: string; active: boolean }[];
  const byId = new Map(users.map((u) => [u.id, u.userName]));
  const groups = (await scimFetch(base, token, 'GET', '/Groups?count=200&sortBy=displayName')).json?.Resources as { displayName: string; members?: { value: string }[] }[];
  const people = users.filter((u) => !u.userName.startsWith('owner')).map((u) => `${u.userName}:${u.active}`);
  const teams = groups.map((g) => `${g.displayName}=${(g.members ?? []).map((m) => byId.get(m.value)).sort().join(',')}`);
  return JSON.stringify({ people, teams });
}

/**
 * The same provisioning run through one instance and split across two on one PostgreSQL ends
 * in the same state; and a team page served by B hears a change made through A.
 */
export async function twoInstances(checks: Checks, a: string, b: string, single: Org, split: Org): Promise<void> {
  await provision(single, () => a);
  await provision(split, (i) => (i % 2 === 0 ? a : b));
  const one = await digest(a, single.token);
  const two = await digest(b, split.token);
  checks.check('a sync split across two instances ends in the state one instance produces', one === two, one === two ? `${one.length} bytes of state` : `${one}\n!=\n${two}`);

  const cookie = await signInCookie(b, split.ownerEmail, split.ownerPassword);
  const latency = await nextTeamEvent(b, split.slug, cookie, 10_000, async () => {
    await scimFetch(a, split.token, 'POST', '/Users', userBody('heard-on-b@example.test'));
  }).catch(() => -1);
  checks.check('a team page served by instance B hears a change made through instance A', latency >= 0, latency >= 0 ? `${Math.round(latency)} ms` : 'no event');
}
