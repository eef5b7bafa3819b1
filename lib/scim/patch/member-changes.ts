import type { MemberChanges } from './types';

/**
 * Folds a sequence of membership operations into one set-based change, without knowing the
 * current members (groups of 100k members are never loaded: DESIGN "Data"). The meaning of
 * the result is documented on MemberChanges.
 */
export class MemberChangeSet {
  private readonly added = new Set<string>();
  private readonly removed = new Set<string>();
  /** Set after a replace: the exact final membership so far. */
  private replacement: Set<string> | undefined;
  private clearAll = false;

  add(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.replacement) this.replacement.add(id);
      else {
        this.removed.delete(id);
        this.added.add(id);
      }
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.added.delete(id);
      if (this.replacement) this.replacement.delete(id);
      else if (!this.clearAll) this.removed.add(id);
    }
  }

  /** Everyone out: nothing done before matters any more. */
  removeAll(): void {
    this.reset();
    this.clearAll = true;
  }

  replaceAll(ids: readonly string[]): void {
    this.reset();
    this.replacement = new Set(ids);
  }

  toChanges(): MemberChanges {
    if (this.replacement) return { add: [], remove: [], replaceAll: [...this.replacement] };
    return {
      add: [...this.added],
      remove: [...this.removed],
      ...(this.clearAll ? { removeAll: true } : {}),
    };
  }

  private reset(): void {
    this.added.clear();
    this.removed.clear();
    this.replacement = undefined;
    this.clearAll = false;
  }
}
