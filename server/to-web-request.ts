import type { IncomingMessage } from 'node:http';
import { requestTarget } from './is-scim-path';
import { requestBody } from './request-body';

/**
 * A Node request as a Web Request for lib/scim. The origin is fixed: the handler takes the public
 * URLs it hands out from APP_URL/AUTH_URL, never from the Host header, so Host cannot matter here.
 * `discardRest` must run once the response is sent (see request-body.ts).
 */
export function toWebRequest(req: IncomingMessage, origin: string): { request: Request; discardRest: () => void } {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  // Next sets x-forwarded-for to the peer address when no proxy did; the handler reads it for the
  // token's last-used address and the per-address auth-failure limit, so do the same.
  if (!headers.has('x-forwarded-for') && req.socket.remoteAddress) headers.set('x-forwarded-for', req.socket.remoteAddress);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);
  // Streamed, so the handler's 1 MiB limit stops reading a larger body instead of buffering it.
  const body = hasBody ? requestBody(req) : undefined;
  const init = { method, headers, ...(body ? { body: body.stream, duplex: 'half' } : {}) };
  const discardRest = body?.discardRest ?? (() => {});
  try {
    return { request: new Request(new URL(requestTarget(req.url), origin), init), discardRest };
  } catch (error) {
    discardRest(); // e.g. TRACE, which fetch refuses: the caller answers 400 and the body must go
    throw error;
  }
}
