import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

process.env.AUTH_SECRET = 'vitest-secret-box-0123456789abcdef';

describe('secret-box (AES-256-GCM, HKDF key per purpose)', () => {
  it('opens what it sealed, and never shows the plaintext in the box', () => {
    const box = seal('client-secret-value', 'sso-client-secret');
    expect(box).not.toContain('client-secret-value');
    expect(open(box, 'sso-client-secret')).toBe('client-secret-value');
    expect(seal('client-secret-value', 'sso-client-secret')).not.toBe(box);
  });

  it('refuses a box altered by one character, or sealed for another purpose', () => {
    const box = seal('client-secret-value', 'sso-client-secret');
    // Not the last character: in base64 its low bits can be padding, and changing only those
    // leaves the bytes (and the box) as they were. A character before it is all data.
    const at = box.length - 5;
    const altered = box[at] === 'A' ? 'Q' : 'A';
    expect(open(`${box.slice(0, at)}${altered}${box.slice(at + 1)}`, 'sso-client-secret')).toBeNull();
    expect(open(box, 'sso-flow-state')).toBeNull();
    expect(open('v1.garbage', 'sso-client-secret')).toBeNull();
  });
});
