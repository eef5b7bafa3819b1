import { isStorableText } from '@/lib/storable-text';
import { invalidSyntax, invalidValue, ScimError } from './errors';

/** Advertised in ServiceProviderConfig (bulk.maxPayloadSize) and enforced here. */
export const MAX_BODY_BYTES = 1_048_576;
const MAX_JSON_DEPTH = 32;

/**
 * Reads and parses a JSON body. Too large is 413 (checked while streaming, so a lying or absent
 * Content-Length cannot get a huge body into memory); bad JSON is 400, never `{}`.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type');
  if (type && !/^application\/(scim\+)?json\b/i.test(type) && !/^text\/plain\b/i.test(type)) {
    throw invalidSyntax(`Content-Type must be application/scim+json or application/json, not ${type.slice(0, 80)}`);
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readLimited(request);
  if (text.trim() === '') throw invalidSyntax('The request body is empty; a JSON object is required');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    // Only the position: the parser's own message quotes the body, which may hold secrets.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw invalidSyntax(`The request body is not valid JSON${position ? ` (at character ${position})` : ''}`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidSyntax('The request body must be a JSON object');
  }
  if (depthOf(body) > MAX_JSON_DEPTH) throw invalidSyntax(`The request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  const bad = unstorableText(body);
  if (bad !== undefined) throw invalidValue(`The request body has a NUL character or invalid Unicode (a lone surrogate) in ${bad || 'a value'}`);
  return body;
}

async function readLimited(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

function tooLarge(): ScimError {
  return new ScimError(413, undefined, `The request body is larger than ${MAX_BODY_BYTES} bytes`);
}

/** The path of the first key or string value PostgreSQL could not store, if any. */
function unstorableText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!isStorableText(key)) return path || 'an attribute name';
    const found = unstorableText(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const child of Object.values(value)) max = Math.max(max, depthOf(child, depth + 1));
  return max;
}
