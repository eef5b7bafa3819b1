import { z } from 'zod';
import { isStorableText, STORABLE_TEXT_MESSAGE } from '@/lib/storable-text';

/** A trimmed, required, bounded line of text that the database can store as typed. */
export function textField(required: string, max = 100) {
  return z.string({ error: required }).trim().min(1, required).max(max, `Use at most ${max} characters`).refine(isStorableText, STORABLE_TEXT_MESSAGE);
}
