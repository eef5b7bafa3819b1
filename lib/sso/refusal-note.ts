import { z } from 'zod';
import { open, seal } from './secret-box';

/**
 * A suspended person refused at the SSO callback is not signed in, yet the refused page should
 * name the org and its owners (issue 13). The callback seals which org, for five minutes, so that
 * anyone opening the page by hand learns nothing about an org's owners.
 */
const noteSchema = z.object({ orgId: z.uuid(), expiresAt: z.number() });

export function sealRefusalNote(orgId: string): string {
  return seal(JSON.stringify({ orgId, expiresAt: Date.now() + 5 * 60_000 }), 'sso-refusal');
}

export function openRefusalNote(note: string | undefined): string | null {
  const text = note ? open(note, 'sso-refusal') : null;
  if (!text) return null;
  try {
    const parsed = noteSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.expiresAt > Date.now() ? parsed.data.orgId : null;
  } catch {
    return null;
  }
}
