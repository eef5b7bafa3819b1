// Entry of the production server (npm start → dist/production-server.mjs, built by
// scripts/build-server.ts). next({ dev: false }) requires NODE_ENV=production, and Next and
// next.config.ts read it while their modules load, so it is set before anything else is
// imported: static imports would be hoisted above this line, hence the dynamic import.
// (Next's types declare NODE_ENV read-only; at run time it is an ordinary variable.)
(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';

const { startProductionServer } = await import('./start');
await startProductionServer(process.argv.slice(2)).catch((error: unknown) => {
  // e.g. no production build yet: Next's message says what to run.
  console.error(`roster: the server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

export {};
