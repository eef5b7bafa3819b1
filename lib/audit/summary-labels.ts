import type { ScimRequestSummary } from './scim-summary';

/**
 * Words for the sync-log summary keys the event detail lists under "other values" (issue 13:
 * the page showed raw keys such as `membersAdded`). A key without an entry is split into words.
 */
const labels: Partial<Record<keyof ScimRequestSummary, string>> = {
  membersAdded: 'Members added',
  membersRemoved: 'Members removed',
  membersRemovedAll: 'All members removed',
  membersReplacedWith: 'Members after replacing',
  memberCount: 'Members sent',
  startIndex: 'Start index',
  count: 'Page size asked for',
  requestedAttributes: 'Attributes asked for',
  excludedAttributes: 'Excluded attributes',
  requestId: 'Request ID (in the server log)',
};

export function summaryLabel(key: string): string {
  const known = labels[key as keyof ScimRequestSummary];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? `${words[0]?.toUpperCase()}${words.slice(1)}` : key;
}

/** A summary value as text: yes/no for flags, the value itself otherwise. */
export function summaryValue(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
