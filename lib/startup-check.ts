import { assertProductionEnv } from './env';

// A production start without AUTH_SECRET (or a trusted host) would otherwise boot fine and fail
// every request (docs/architecture.md, stack notes), so the server stops here with the variable's name.
try {
  assertProductionEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Open the database at start, not on the first request: migrations run now, and the embedded
// database's lock is taken at once, so a CLI command started next refuses instead of racing.
if (process.env.NEXT_PHASE !== 'phase-production-build') {
  const { getDb } = await import('@/lib/database');
  await getDb();
}
