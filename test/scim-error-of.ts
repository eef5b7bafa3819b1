import { ScimError } from '@/lib/scim/errors';

/** Runs `run` and returns the ScimError it throws; fails the test if it throws nothing or something else. */
export function errorOf(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}
