/** How big one bench run is. `full` is the benchmark; `quick` is the CI smoke run. */
export type Sizes = {
  label: 'full' | 'quick';
  /** Users seeded before the first phase, and before the second. */
  small: number;
  large: number;
  /** Users outside the big group, added to it and removed again by "PATCH +N into the big group". */
  bigAdd: number;
  /** Members per "PATCH +N members" op. */
  groupAdd: number;
  ops: {
    create: number;
    lookup: number;
    patch: number;
    createGroup: number;
    addMembers: number;
    getGroup: number;
    bigAdd: number;
    page: number;
    delete: number;
  };
  entra: { users: number; groups: number; groupSize: number; maxSeconds: number };
  /** Time cap per scenario. */
  capMs: number;
};

export const FULL: Sizes = {
  label: 'full',
  small: 1_000,
  large: 100_000,
  bigAdd: 5_000,
  groupAdd: 1_000,
  ops: { create: 2_000, lookup: 4_000, patch: 2_000, createGroup: 300, addMembers: 150, getGroup: 2_000, bigAdd: 10, page: 300, delete: 1_000 },
  entra: { users: 10_000, groups: 100, groupSize: 200, maxSeconds: 240 },
  capMs: 30_000,
};

export const QUICK: Sizes = {
  label: 'quick',
  small: 1_000,
  large: 5_000,
  bigAdd: 500,
  groupAdd: 100,
  ops: { create: 200, lookup: 300, patch: 200, createGroup: 40, addMembers: 20, getGroup: 200, bigAdd: 3, page: 50, delete: 100 },
  entra: { users: 300, groups: 5, groupSize: 40, maxSeconds: 60 },
  capMs: 10_000,
};

/** "1k", "100k", "5k": the scale in a scenario's name. */
export const scale = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
