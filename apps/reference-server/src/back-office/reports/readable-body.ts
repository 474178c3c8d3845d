import type { Readable } from "node:stream";

/**
 * A Node stream as a response body that reads one chunk each time the client asks for one.
 * Not `Readable.toWeb`: on Node 20 its queue counts chunks, not bytes (16,384 of them), so it
 * would drain the writer as fast as it writes and a slow download would pile up in memory.
 * Cancelled (the download stopped), it destroys the stream, which stops the writer.
 */
export function readableBody(readable: Readable): ReadableStream<Uint8Array> {
  const chunks = readable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value as Uint8Array);
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
