import { parseJsonObject } from '@/lib/parse-json-object';

export type Sent = {
  status: number | 'timeout' | 'network';
  ms: number;
  retryAfter: string | null;
  contentType: string | null;
  json: Record<string, unknown> | null;
};

/** One SCIM request with a hard time limit; never throws. "Never a hang" is measured here. */
export async function scimFetch(base: string, token: string, method: string, path: string, body?: unknown, timeoutMs = 15_000): Promise<Sent> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}/api/scim/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const json = parseJsonObject(text);
    return {
      status: response.status,
      ms: performance.now() - started,
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type'),
      json,
    };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { status: timedOut ? 'timeout' : 'network', ms: performance.now() - started, retryAfter: null, contentType: null, json: null };
  }
}
