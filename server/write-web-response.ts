import type { ServerResponse } from 'node:http';

/**
 * Writes a Web Response to a Node response: status, every header (Set-Cookie values one by one),
 * and the body. A body that arrives in one piece (every SCIM JSON response) goes out with a
 * Content-Length; a longer stream is written chunk by chunk, waiting for 'drain' so a slow
 * client cannot make the server buffer the whole response.
 */
export async function writeWebResponse(
  res: ServerResponse,
  response: Response,
  options: { head: boolean; baseHeaders?: Record<string, string> },
): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(options.baseHeaders ?? {})) res.setHeader(name, value);
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);

  const noBody = options.head || response.status === 204 || response.status === 304;
  if (noBody || !response.body) {
    if (response.body) await response.body.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  // The client went away: stop producing the rest of the body.
  const onClose = () => void reader.cancel().catch(() => {});
  res.once('close', onClose);
  try {
    const first = await reader.read();
    if (first.done) return void res.end();
    const second = await reader.read();
    if (second.done) {
      if (!res.hasHeader('content-length')) res.setHeader('content-length', first.value.byteLength);
      return void res.end(first.value);
    }
    for (let chunk: ReadableStreamReadResult<Uint8Array> = first; !chunk.done; chunk = chunk === first ? second : await reader.read()) {
      if (!res.write(chunk.value)) await drainedOrClosed(res);
      if (res.destroyed) return;
    }
    res.end();
  } finally {
    res.removeListener('close', onClose);
  }
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      res.off('drain', settle);
      res.off('close', settle);
      resolve();
    };
    res.on('drain', settle);
    res.on('close', settle);
  });
}
