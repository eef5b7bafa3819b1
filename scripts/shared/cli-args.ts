import { parseArgs } from 'node:util';

/** Parses `--name value` flags strictly; an unknown flag is an error, not silently ignored. */
export function parseFlags<T extends Record<string, { type: 'string' | 'boolean' }>>(options: T) {
  try {
    return parseArgs({ options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    fail((error as Error).message);
  }
}

export function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}
