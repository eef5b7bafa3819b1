import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (~100 ms a hash on this machine; docs/architecture.md, stack notes).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Constant-time inside argon2; a malformed stored hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so a miss costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('roster-timing-equaliser');
  return dummyHash;
}
