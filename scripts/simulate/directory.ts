import crypto from 'node:crypto';

/** One person of the simulated directory; `id` is the SCIM id Roster gave it. */
export type SimUser = {
  index: number;
  userName: string;
  givenName: string;
  familyName: string;
  department: string;
  title: string;
  id?: string;
  /** Changed by the incremental phase: the state the IdP believes Roster now holds. */
  state: 'active' | 'suspended' | 'deleted';
};

export type SimGroup = { index: number; displayName: string; memberIndexes: number[]; id?: string };

export type Directory = { runId: string; domain: string; users: SimUser[]; groups: SimGroup[] };

export type ChangeKind = 'update' | 'deactivate' | 'delete';

const GIVEN = [
  'Adele',
  'Alex',
  'Ben',
  'Chloe',
  'Diego',
  'Emma',
  'Farah',
  'Grace',
  'Hiro',
  'Isla',
  'Jonas',
  'Kemal',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
];
const FAMILY = [
  'Vance',
  'Wilber',
  'Garcia',
  'Nguyen',
  'Okafor',
  'Schmidt',
  'Rossi',
  'Kowalski',
  'Tanaka',
  'Haddad',
  'Silva',
  'Larsen',
  'Moreau',
  'Novak',
  'Patel',
  'Quist',
  'Reyes',
  'Sato',
  'Thompson',
  'Unger',
];
const DEPARTMENTS = ['Engineering', 'Sales', 'Finance', 'Support', 'Marketing', 'Legal', 'Operations', 'Research'];
const TITLES = ['Engineer', 'Account Executive', 'Accountant', 'Support Specialist', 'Designer', 'Counsel', 'Analyst', 'Manager'];

/**
 * A fake directory: `users` people and `groups` groups of `groupSize` members each, the
 * groups laid over the people round-robin so everyone is in about groups×size/users groups.
 * Names carry a run id, so runs against the same org never collide.
 */
export function buildDirectory(options: { users: number; groups: number; groupSize: number; runId?: string }): Directory {
  const runId = options.runId ?? crypto.randomBytes(3).toString('hex');
  const domain = `sim-${runId}.example.com`;
  const users: SimUser[] = Array.from({ length: options.users }, (_, index) => {
    const givenName = GIVEN[index % GIVEN.length] ?? 'Alex';
    const familyName = FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length] ?? 'Smith';
    return {
      index,
      userName: `${givenName}.${familyName}.${index + 1}@${domain}`.toLowerCase(),
      givenName,
      familyName,
      department: DEPARTMENTS[index % DEPARTMENTS.length] ?? 'Engineering',
      title: TITLES[index % TITLES.length] ?? 'Engineer',
      state: 'active',
    };
  });
  const groups: SimGroup[] = Array.from({ length: options.groups }, (_, index) => {
    const start = (index * options.groupSize) % Math.max(1, options.users);
    const memberIndexes = Array.from({ length: options.groupSize }, (_, i) => (start + i) % options.users);
    return { index, displayName: `Sim ${runId} ${DEPARTMENTS[index % DEPARTMENTS.length]} ${String(index + 1).padStart(4, '0')}`, memberIndexes };
  });
  return { runId, domain, users, groups };
}

/**
 * K incremental changes on K distinct people, spread over the directory: three updates for
 * every deactivation and every deletion (an ordinary day: attribute edits dominate).
 */
export function planChanges(directory: Directory, count: number): { kind: ChangeKind; user: SimUser }[] {
  const { users } = directory;
  return Array.from({ length: Math.min(count, users.length) }, (_, k) => {
    const user = users[Math.floor((k * users.length) / count)] as SimUser;
    const kind: ChangeKind = k % 5 === 3 ? 'deactivate' : k % 5 === 4 ? 'delete' : 'update';
    return { kind, user };
  });
}

/** Deterministic hex of any length from the run id and a number (stable external ids). */
export function hexId(runId: string, n: number, length: number): string {
  return crypto.createHash('sha256').update(`${runId}:${n}`).digest('hex').slice(0, length);
}
