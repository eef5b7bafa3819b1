import type { IncomingMessage, ServerResponse } from 'node:http';
import { scimRouteHandler } from '@/lib/scim-endpoint';
import { toWebRequest } from './to-web-request';
import { writeWebResponse } from './write-web-response';

export type ScimRouteOptions = {
  /** Fixed origin for the Request URL (the handler never derives public URLs from it). */
  origin: string;
  /** next.config.ts headers, so clients see the same headers as through Next. */
  securityHeaders: Record<string, string>;
};

// What Next answers for OPTIONS on the route (it implements OPTIONS itself): kept the same.
const ALLOW = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT';

/** Serves one /api/scim/v2 request with the same handler the Next route file uses in dev. */
export async function serveScim(req: IncomingMessage, res: ServerResponse, options: ScimRouteOptions): Promise<void> {
  const head = req.method === 'HEAD';
  let request: Request;
  try {
    const converted = toWebRequest(req, options.origin);
    request = converted.request;
    res.once('finish', converted.discardRest);
  } catch {
    // Only a method, header or URL the Fetch API refuses (TRACE, say) gets here; the error's
    // message may quote a header value, so nothing is logged.
    return sendError(res, options, head, 400, 'The request could not be read');
  }
  try {
    const response = req.method === 'OPTIONS' ? new Response(null, { status: 204, headers: { allow: ALLOW } }) : await scimRouteHandler(request);
    await writeWebResponse(res, response, { head, baseHeaders: options.securityHeaders });
  } catch (error) {
    // The handler answers its own errors as SCIM JSON, so this is a bug or a database that could
    // not be opened. The client gets SCIM JSON, never HTML or a stack.
    const name = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    console.error(`[scim-server] ${req.method} ${request.url.replace(/\?.*$/, '').slice(0, 200)}: ${name.slice(0, 300)}`);
    if (res.headersSent) return void res.destroy();
    sendError(res, options, head, 500, 'Internal error');
  }
}

function sendError(res: ServerResponse, options: ScimRouteOptions, head: boolean, status: number, detail: string): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(status, { ...options.securityHeaders, 'content-type': 'application/scim+json' });
  res.end(head ? undefined : JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail }));
}
