import { BODY_TARGETS, group, patch, user, type Body, type HostileCase } from './corpus-types';

/**
 * Bodies that are not a JSON object, or not JSON at all, sent to every endpoint that reads a
 * body: 400 invalidSyntax (STYLE pattern 3: "Bad JSON is a 400, never {}").
 */
const MALFORMED: readonly [string, Body][] = [
  ['unclosed object', '{'],
  ['lone closing brace', '}'],
  ['missing value', '{"userName":}'],
  ['single quotes', "{'userName':'x'}"],
  ['trailing comma', '{"userName":"x",}'],
  ['two objects back to back', '{"a":1}{"b":2}'],
  ['NaN literal', '{"count":NaN}'],
  ['Infinity literal', '{"count":Infinity}'],
  ['undefined literal', '{"a":undefined}'],
  ['comment', '/* c */ {"a":1}'],
  ['bad unicode escape', '{"a":"\\uZZZZ"}'],
  ['hex escape', '{"a":"\\x41"}'],
  ['raw newline in a string', '{"a":"line\nbreak"}'],
  ['empty body', ''],
  ['whitespace body', ' \n\t\r '],
  ['JSON null', 'null'],
  ['JSON array', '[]'],
  ['array of operations at the top', '[{"op":"add","path":"displayName","value":"x"}]'],
  ['JSON string', '"a string"'],
  ['JSON number', '42'],
  ['JSON true', 'true'],
  ['nested 40 objects deep', `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`],
  ['nested 100,000 arrays deep', `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ['nested 5,000 objects deep in an attribute', `{"userName":"x","name":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`],
  ['invalid UTF-8 bytes', new Uint8Array([0x7b, 0xff, 0xfe, 0xc0, 0x80, 0x7d])],
  ['truncated multi-byte UTF-8', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x82, 0x7d])],
  ['XML', '<?xml version="1.0"?><User><userName>x</userName></User>'],
  ['form encoding', 'userName=x&active=true'],
  ['JSON-looking with a BOM in the middle', '{"a":1}\ufeff{'],
];

/** Bodies the endpoint would take, so only the content type is wrong. */
function validBody(method: string, path: string): Record<string, unknown> {
  if (method === 'PATCH') return patch({ op: 'replace', path: 'displayName', value: 'Typed' });
  if (path.endsWith('.search')) return { filter: 'displayName pr' };
  return path.startsWith('/Users') ? user() : group();
}

/** Content types that are not JSON: 400 invalidSyntax naming the type. */
const CONTENT_TYPES = [
  'text/html',
  'application/xml',
  'application/scim+xml',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded',
  'application/jsonx',
  'image/png',
  '*/*',
  `application/${'x'.repeat(8_000)}`,
];

const MIB = 1_048_576;

/** Bodies over the 1 MiB limit (MAX_BODY_BYTES): 413, read no further than the limit. */
const OVERSIZE: readonly [string, Partial<HostileCase>][] = [
  ['1 MiB + 1 of JSON string', { body: `{"userName":"${'x'.repeat(MIB - 14)}"}` }],
  ['4 MiB body', { body: `{"a":"${'y'.repeat(4 * MIB)}"}` }],
  ['small body declaring 100 MB', { body: '{"a":1}', headers: { 'content-length': '100000000' } }],
  ['2 MiB stream without a Content-Length', { streamBytes: 2 * MIB }],
];

export const jsonCases: HostileCase[] = BODY_TARGETS.flatMap(({ endpoint, method, path }) => [
  ...MALFORMED.map(([name, body]): HostileCase => ({ endpoint, method, path, name: `malformed JSON: ${name}`, body })),
  ...CONTENT_TYPES.map((type): HostileCase => ({
    endpoint,
    method,
    path,
    name: `content type ${type.slice(0, 40)}`,
    body: JSON.stringify(validBody(method, path)),
    headers: { 'content-type': type },
  })),
  ...OVERSIZE.map(([name, extra]): HostileCase => ({ endpoint, method, path, name: `oversize: ${name}`, status: [413], ...extra })),
]);
