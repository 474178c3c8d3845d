import { Worker } from "node:worker_threads";
import { type ErrorCode, TesseraError } from "@tessera/core";
import type { SecondConnection } from "@tessera/core/testing";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

/**
 * A second connection to a SQLite file, in a worker thread: a storage of its own, racing
 * the test thread's storage for real. Two connections in one thread cannot: better-sqlite3
 * is synchronous, so one waiting on the other's lock would block the very thread that must
 * release it.
 */
export async function openWorkerConnection(
  filename: string,
  options: { migrate?: boolean } = {},
): Promise<SecondConnection> {
  const worker = new Worker(new URL("./worker-bootstrap.mjs", import.meta.url), {
    workerData: { filename, migrate: options.migrate ?? false },
    execArgv: ["--conditions=@tessera/source"],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  let nextId = 0;
  let closed: (() => void) | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("message", (reply: WorkerReply) => {
      switch (reply.kind) {
        case "ready":
          return resolve();
        case "failed":
          return reject(new Error(`The worker connection failed to open: ${reply.message}`));
        case "closed":
          return closed?.();
        case "result":
          pending.get(reply.id)?.resolve(reply.value);
          pending.delete(reply.id);
          return;
        case "error": {
          const { code, message, details } = reply.error;
          const error = code ? rebuildTesseraError(code, message, details) : new Error(message);
          pending.get(reply.id)?.reject(error);
          pending.delete(reply.id);
          return;
        }
      }
    });
  });
  await ready;

  const send = (request: WorkerRequest) => worker.postMessage(request);
  const call = (repository: string, method: string, args: unknown[]) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      send({ kind: "call", id, repository, method, args });
    });

  const close = async () => {
    await new Promise<void>((resolve) => {
      closed = resolve;
      send({ kind: "close" });
    });
    await worker.terminate();
  };
  // Every repository and method by name, forwarded; `then` stays undefined so that awaiting
  // the connection does not mistake it for a promise.
  const method = (repository: string) => (name: string | symbol) =>
    typeof name === "string" && name !== "then"
      ? (...args: unknown[]) => call(repository, name, args)
      : undefined;
  return new Proxy({} as SecondConnection, {
    get: (_, name) =>
      name === "close"
        ? close
        : typeof name === "string" && name !== "then"
          ? new Proxy({}, { get: (__, methodName) => method(name)(methodName) })
          : undefined,
  });
}

/** The worker's error, as the same `TesseraError` the suite expects (its message already has the hint). */
function rebuildTesseraError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown>,
): TesseraError {
  const error = new TesseraError(code, "", { details });
  error.message = message;
  return error;
}
