import { flushScimCallLog } from '@/lib/scim/call-log/call-log-batch';
import type { Command, ScimCommand, UiCommand } from './two-org-commands';
import { ScimSteps } from './two-org-scim-steps';
import { UiSteps } from './two-org-ui-steps';
import type { Effect, World } from './two-org-world';

export type { Effect, World } from './two-org-world';

/** Runs one step through its door, checks its answer, and returns what it may have changed. */
export async function runStep(w: World, cmd: Command): Promise<Effect> {
  if (!cmd.t.startsWith('scim')) return new UiSteps(w).run(cmd as UiCommand);
  const effect = await new ScimSteps(w).run(cmd as ScimCommand);
  // A read's sync-log row and its token's last use are written a few ms after the answer, in a
  // batch: write what is pending, so all of the step's effects are in before it is judged.
  await flushScimCallLog(w.db);
  return effect;
}
