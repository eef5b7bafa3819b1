import type { IncomingMessage } from 'node:http';

export type RequestBody = {
  stream: ReadableStream<Uint8Array>;
  /** Drops whatever the handler did not read, so the connection can carry the next request. */
  discardRest: () => void;
};

/**
 * The request body as a Web stream, read only as fast as the handler reads it.
 * Not Readable.toWeb(req): cancelling that stream destroys the request, and destroying an
 * unfinished request destroys its socket, so a client sending 2 MiB would see a reset instead of
 * the handler's 413. Here the unread rest is dropped off the wire instead (what Node itself does
 * for a body nobody touched, which it no longer does once this stream has started reading).
 */
export function requestBody(req: IncomingMessage): RequestBody {
  let done = false;
  const discardRest = () => {
    done = true;
    req.resume();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause();
        req.on('data', (chunk: Buffer) => {
          if (done) return;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          if (!done) controller.close();
          done = true;
        });
        // A client that goes away mid-body: the handler's read fails instead of waiting forever.
        req.on('close', () => {
          if (!done && !req.complete) controller.error(new Error('The client closed the request before its body ended'));
          done = true;
        });
        req.on('error', () => {}); // reported through 'close'
      },
      pull() {
        req.resume();
      },
      cancel: discardRest,
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
  return { stream, discardRest };
}
