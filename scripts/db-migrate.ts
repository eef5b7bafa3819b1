import { createDb } from '@/db/client';
import { dbOptionsFromEnv } from '@/lib/database';

// Applies the committed migrations to DATABASE_URL's PostgreSQL, or to the embedded database.
const options = dbOptionsFromEnv();
const handle = await createDb(options).catch((error: unknown) => {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
});
await handle.close();
console.log(`Migrations applied (${handle.driver}).`);
