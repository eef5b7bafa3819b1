import { SCIM_CONTENT_TYPE } from './errors';

/** Every SCIM response body goes out through here: one place for the content type. */
export function scimJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': SCIM_CONTENT_TYPE, ...headers },
  });
}
