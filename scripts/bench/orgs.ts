import type { Db } from '@/db/client';
import { createScriptOrg, type ScriptOrg } from '../shared/org';

export type BenchOrg = ScriptOrg;

/** The bench's orgs: "Bench <slug>", the deprovisioning guard left on (the bench measures it as shipped). */
export function createBenchOrg(db: Db, slug: string): Promise<BenchOrg> {
  return createScriptOrg(db, {
    slug,
    orgName: `Bench ${slug}`,
    ownerGivenName: 'Bench',
    ownerEmail: `owner@${slug}.bench.example`,
    tokenName: 'bench',
    actorLabel: 'npm run bench',
  });
}
