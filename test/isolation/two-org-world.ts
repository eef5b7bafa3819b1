import type { Db } from '@/db/client';
import type { ScimClient, ScimReply } from '@/test/scim-harness';
import type { Command, Name, Org, Ref } from './two-org-commands';
import type { Truth } from './two-org-truth';

/** What a command ran against; `signIn` sets the session the mocked Auth.js returns. */
export type World = {
  db: Db;
  truth: Truth;
  sides: Record<Org, ScimClient>;
  signIn: (org: Org) => void;
  /** Ids each org's own commands created (or the org started with), live or gone. */
  held: Record<Org, { member: string[]; group: string[]; token: { id: string; secret: string }[]; invite: string[] }>;
};

/**
 * What a command may have changed. `acts` is the only org whose rows may change (null: none).
 * `none`: nothing at all; `log`: only its sync log and tokens' last use (SCIM reads and refusals);
 * `any`: anything of `acts`.
 */
export type Effect = { acts: Org | null; changes: 'none' | 'log' | 'any' };

export const NOBODY = '00000000-0000-4000-8000-00000000dead';
/** Token-shaped, but issued by nobody. */
export const NO_TOKEN = `rst_${'x'.repeat(43)}`;
export const NO_INVITE = `rsi_${'x'.repeat(43)}`;

export function pick<T>(list: T[], ref: Ref): T | undefined {
  return ref.pick < 6 && list.length > 0 ? list[ref.pick % list.length] : undefined;
}

export function fail(cmd: Command, message: string, got?: unknown): never {
  throw new Error(
    `${JSON.stringify(cmd)}: ${message}${got === undefined ? '' : `; got ${typeof got === 'string' ? got.slice(0, 300) : JSON.stringify(got).slice(0, 300)}`}`,
  );
}

export function expectStatus(cmd: Command, reply: ScimReply, want: number | number[]): void {
  const wanted = Array.isArray(want) ? want : [want];
  if (!wanted.includes(reply.status)) fail(cmd, `want ${wanted.join(' or ')}`, `${reply.status} ${reply.text}`);
}

export const sameIds = (a: string[], b: string[]) => JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());
export const listed = (reply: ScimReply) => ((reply.json?.Resources ?? []) as { id: string }[]).map((r) => r.id);
export const memberValues = (reply: ScimReply) => ((reply.json?.members ?? []) as { value: string }[]).map((m) => m.value);

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** Pages call notFound()/redirect(), which throw Next's control-flow errors: here, "refused". */
export async function refusedByGuard(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return false;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && /^NEXT_(HTTP_ERROR_FALLBACK;404|REDIRECT)/.test(digest)) return true;
    throw error;
  }
}

/** What both doors' steps share: resolving references and checking where new rows landed. */
export class Steps {
  constructor(protected readonly w: World) {}

  protected member(ref: Ref): string {
    return pick(this.w.held[ref.owner].member, ref) ?? NOBODY;
  }

  protected group(ref: Ref): string {
    return pick(this.w.held[ref.owner].group, ref) ?? NOBODY;
  }

  protected userName(name: Name): string {
    return 'pool' in name ? `person-${name.pool}@example.test` : this.w.sides[name.ownerOf].ownerEmail;
  }

  protected orgId(org: Org): string {
    return this.w.sides[org].orgId;
  }

  /** Records an id a command of `org` created, after checking the database put it in that org. */
  protected async created(cmd: Command, org: Org, table: 'members' | 'groups', id: string): Promise<void> {
    const where = await this.w.truth.orgOf(table, id);
    if (where !== this.orgId(org)) fail(cmd, `the new ${table} row ${id} landed in org ${where}, not ${org}`);
    this.w.held[org][table === 'members' ? 'member' : 'group'].push(id);
  }

  protected async ownMembers(orgId: string, ids: string[]): Promise<string[]> {
    const own: string[] = [];
    for (const id of new Set(ids)) if ((await this.w.truth.orgOf('members', id)) === orgId) own.push(id);
    return own;
  }
}
