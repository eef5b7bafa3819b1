/**
 * PostgreSQL's text and jsonb cannot hold U+0000, and jsonb refuses a lone UTF-16 surrogate
 * (other drivers silently store U+FFFD instead). Text from outside is checked with this before
 * it can reach a query, so such input is a 400 and never a 500 or a silently changed value.
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

/** For text Roster writes about a request (sync-log details): replaced, never refused. */
export function toStorableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').toWellFormed();
}

export const STORABLE_TEXT_MESSAGE = 'Remove the NUL character or invalid Unicode (a lone surrogate)';
