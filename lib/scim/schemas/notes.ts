/**
 * What a parser tolerated (`adaptations`, once each, in the order first seen) and which sent
 * attributes Roster does not keep (`ignoredAttributes`: names only, never values). Both go to
 * the sync log so an owner can see what their IdP sends that Roster changes or drops.
 */
export class ParseNotes {
  private readonly adapted = new Set<string>();
  private readonly ignored = new Set<string>();

  adapt(note: string): void {
    this.adapted.add(note);
  }

  ignore(name: string): void {
    this.ignored.add(name);
  }

  get adaptations(): string[] {
    return [...this.adapted];
  }

  get ignoredAttributes(): string[] {
    return [...this.ignored];
  }
}
