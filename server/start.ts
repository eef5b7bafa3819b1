import http from 'node:http';
import { parseListenArgs } from './cli-args';
import { isScimPath } from './is-scim-path';
import { serveScim } from './scim-route';
import { loadSecurityHeaders } from './security-headers';
import { onShutdown } from './shutdown';

/**
 * Production: /api/scim/v2 goes straight to the SCIM handler (Next's request pipeline costs
 * ~2.4 ms of CPU per request, and a sync is tens of thousands of requests); everything else goes
 * to Next, as in the custom-server guide. `npm run dev` serves SCIM through the Next route file,
 * which calls the same scimRouteHandler.
 */
export async function startProductionServer(argv: string[]): Promise<void> {
  let listen;
  try {
    listen = parseListenArgs(argv);
  } catch (error) {
    console.error(`roster: ${(error as Error).message}\nusage: node dist/production-server.mjs [-p port] [-H hostname]`);
    process.exit(1);
  }
  // Imported here, not at the top: the bundle hoists static imports of packages above the line
  // in production-server.ts that sets NODE_ENV, and Next (and React under it) read it on load.
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), hostname: listen.hostname ?? 'localhost', port: listen.port });
  // Before listening: prepare() loads .env and next.config, and runs instrumentation.ts, which
  // checks the environment and opens the one database handle both halves share (globalThis).
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const scim = { origin: `http://127.0.0.1:${listen.port}`, securityHeaders: await loadSecurityHeaders() };

  const server = http.createServer((req, res) => {
    if (isScimPath(req.url)) return void serveScim(req, res, scim);
    handleNext(req, res).catch((error: unknown) => {
      console.error(`[next] ${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? ''}`.slice(0, 300));
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    });
  });
  server.on('error', (error) => {
    console.error(`roster: cannot listen on port ${listen.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(listen.port, listen.hostname, () => {
    const shown = listen.hostname ?? '0.0.0.0';
    console.log(`✓ Roster ready on http://${shown}:${listen.port} (SCIM served directly at /api/scim/v2, pages by Next.js)`);
  });
  onShutdown(server, app);
}
