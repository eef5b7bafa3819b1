import { addGroupMembers, removeAllGroupMembers, removeGroupMembers, replaceGroupMembers } from '@/lib/groups/group-membership';
import type { ScimContext } from '../context';
import type { MemberChanges } from '../patch/types';

/** Set operations on the join table, in the order that gives the PATCH's final result. */
export async function applyGroupMemberChanges(ctx: ScimContext, groupId: string, changes: MemberChanges): Promise<void> {
  const { tx, orgId } = ctx;
  // The plan's contract (patch/types.ts): replaceAll is final; else removeAll then add;
  // else (current − remove) ∪ add.
  if (changes.replaceAll) {
    noteUnknownMembers(ctx, (await replaceGroupMembers(tx, orgId, groupId, changes.replaceAll)).unknown);
    ctx.notes.summary.membersReplacedWith = changes.replaceAll.length;
    return;
  }
  if (changes.removeAll) await removeAllGroupMembers(tx, orgId, groupId);
  else if (changes.remove.length) await removeGroupMembers(tx, orgId, groupId, changes.remove);
  if (changes.add.length) noteUnknownMembers(ctx, (await addGroupMembers(tx, orgId, groupId, changes.add)).unknown);
  if (changes.removeAll) ctx.notes.summary.membersRemovedAll = true;
  ctx.notes.summary.membersAdded = changes.add.length;
  ctx.notes.summary.membersRemoved = changes.remove.length;
}

/** Nested group ids and unknown ids are ignored, not an error (Entra does not cascade groups). */
export function noteUnknownMembers(ctx: ScimContext, unknown: string[]): void {
  if (unknown.length === 0) return;
  ctx.notes.notes.push(
    `${unknown.length} member value(s) ignored: not users of this organization (nested groups are not supported): ` +
      `${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`,
  );
}
