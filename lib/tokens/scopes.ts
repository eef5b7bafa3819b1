import type { ScimScope } from '@/db/schema';

/** Every token scope, with the words the UI shows for it. */
export const scopeDescriptions: Record<ScimScope, { label: string; description: string }> = {
  'scim:manage': {
    label: 'Manage SCIM',
    description: 'Create, update, suspend and delete people and groups through the SCIM 2.0 API.',
  },
};

export const TOKEN_PREFIX = 'rst_';
/** How much of the secret the UI may show: the prefix plus four characters. */
export const VISIBLE_PREFIX_LENGTH = TOKEN_PREFIX.length + 4;
