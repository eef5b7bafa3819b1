import { groupBody, patch, userBody } from '../shared/scim';
import { scimFetch } from '../shared/scim-fetch';
import type { RunningServer } from '../shared/server';
import type { Checks } from './check';
import { nextTeamEvent, signInCookie } from './sign-in';

type Org = { slug: string; token: string; ownerEmail: string; ownerPassword: string };

/** A fixed provisioning script; `via(i)` picks which instance serves request i. */
async function provision(org: Org, via: (i: number) => string): Promise<void> {
  let i = 0;
  const send = (method: string, path: string, body?: unknown) => scimFetch(via(i++), org.token, method, path, body);
  const ids: string[] = [];
  for (let n = 0; n < 40; n++) ids.push(String((await send('POST', '/Users', userBody(`two-${n}@example.test`))).json?.id));
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) groups.push(String((await send('POST', '/Groups', groupBody(`Team ${g}`))).json?.id));
  for (let g = 0; g < 4; g++) {
    await send(
      'PATCH',
      `/Groups/${groups[g]}`,
      patch({ op: 'Add', path: 'members', value: ids.filter((_, n) => n % 4 === g || n % 5 === 0).map((value) => ({ value })) }),
    );
  }
  for (let n = 0; n < 40; n += 7) await send('PATCH', `/Users/${ids[n]}`, patch({ op: 'Replace', path: 'active', value: 'False' }));
  for (let n = 3; n < 40; n += 9) await send('DELETE', `/Users/${ids[n]}`);
  await send('PATCH', `/Groups/${groups[1]}`, patch({ op: 'Remove', path: 'members', value: [{ value: ids[5] }] }));
}

/** The team's state with ids left out, so two orgs provisioned alike compare equal. */
async function digest(base: string, token: string): Promise<string> {
  const users = (await scimFetch(base, token, 'GET', '/Users?count=200&sortBy=userName')).json?.Resources as {
    id: string;
    userName: string;
    active: boolean;
  }[];
  const byId = new Map(users.map((u) => [u.id, u.userName]));
  const groups = (await scimFetch(base, token, 'GET', '/Groups?count=200&sortBy=displayName')).json?.Resources as {
    displayName: string;
    members?: { value: string }[];
  }[];
  const people = users.filter((u) => !u.userName.startsWith('owner')).map((u) => `${u.userName}:${u.active}`);
  const teams = groups.map(
    (g) =>
      `${g.displayName}=${(g.members ?? [])
        .map((m) => byId.get(m.value))
        .sort()
        .join(',')}`,
  );
  return JSON.stringify({ people, teams });
}

/**
 * The same provisioning run through one instance and split across two on one PostgreSQL ends
 * in the same state; and a team page served by B hears a change made through A.
 */
export async function twoInstances(checks: Checks, a: string, b: string, single: Org, split: Org, label = ''): Promise<void> {
  await provision(single, () => a);
  await provision(split, (i) => (i % 2 === 0 ? a : b));
  const one = await digest(a, single.token);
  const two = await digest(b, split.token);
  checks.check(
    `a sync split across two instances ends in the state one instance produces${label}`,
    one === two,
    one === two ? `${one.length} bytes of state` : `${one}\n!=\n${two}`,
  );

  const cookie = await signInCookie(b, split.ownerEmail, split.ownerPassword);
  const latency = await nextTeamEvent(b, split.slug, cookie, 10_000, async () => {
    await scimFetch(a, split.token, 'POST', '/Users', userBody('heard-on-b@example.test'));
  }).catch(() => -1);
  checks.check(
    `a team page served by instance B hears a change made through instance A${label}`,
    latency >= 0,
    latency >= 0 ? `${Math.round(latency)} ms` : 'no event',
  );
}

/**
 * An instance whose DATABASE_URL is a transaction pooler and nothing else is set: it must find the
 * pooler and say so at start, with what it does instead of LISTEN; the same sync through it ends
 * in the state `reference` holds; and its team pages hear a change made through another instance
 * by polling (lib/live/team-change-feed.ts, every 5 s).
 */
export async function livePagesByPolling(checks: Checks, a: string, c: RunningServer, org: Org, reference: Org): Promise<void> {
  const log = c.logTail();
  checks.check(
    'an instance behind a transaction pooler without DATABASE_POOLER finds it and says so at start',
    /DATABASE_POOLER is not set/.test(log),
    log.split('\n').find((l) => l.includes('DATABASE_POOLER')) ?? 'no such line',
  );
  checks.check('…and says that team pages poll without DATABASE_DIRECT_URL', /polling every 5 s/.test(log));
  await provision(org, () => c.url);
  const [mine, theirs] = [await digest(c.url, org.token), await digest(a, reference.token)];
  checks.check(
    'the same sync through that instance ends in the same state',
    mine === theirs,
    mine === theirs ? `${mine.length} bytes of state` : `${mine}\n!=\n${theirs}`,
  );
  const cookie = await signInCookie(c.url, org.ownerEmail, org.ownerPassword);
  const latency = await nextTeamEvent(c.url, org.slug, cookie, 15_000, async () => {
    await scimFetch(a, org.token, 'POST', '/Users', userBody('polled-on-c@example.test'));
  }).catch(() => -1);
  checks.check(
    'a team page on that instance hears a change made through another one, by polling',
    latency >= 0,
    latency >= 0 ? `${Math.round(latency)} ms` : 'no event within 15 s',
  );
}
