import type { Writable } from "node:stream";

/**
 * Waits until `stream` has handed its buffered bytes on (the response read them), so a writer
 * that produced one batch does not read the next before the client took the first. It first
 * lets the event loop turn once: a writer whose rows come from promises alone never yields to
 * it, and the streams between it and `stream` (pdfkit's output, exceljs's zip) only move bytes
 * on later ticks — without this turn, `stream` looks empty and every batch is read at once
 * (the streaming test caught it). Resolves when the stream is gone (the download was stopped).
 */
export async function drained(stream: Writable): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (stream.destroyed || !stream.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}
