/**
 * Work to finish before a database handle closes, such as writing the SCIM call log's last
 * batch (lib/scim/call-log). Kept here so db/client.ts need not know who registers.
 */
// On globalThis: in production the SCIM server's bundle and Next's bundle share one process and
// one database handle (db/client.ts), but each has its own copy of this module.
const globalForHooks = globalThis as unknown as { rosterDbCloseHooks?: WeakMap<object, Array<() => Promise<void>>> };
const hooks = (globalForHooks.rosterDbCloseHooks ??= new WeakMap());

export function onDbClose(db: object, hook: () => Promise<void>): void {
  hooks.set(db, [...(hooks.get(db) ?? []), hook]);
}

export async function runDbCloseHooks(db: object): Promise<void> {
  const registered = hooks.get(db) ?? [];
  hooks.delete(db);
  await Promise.allSettled(registered.map((hook) => hook()));
}
