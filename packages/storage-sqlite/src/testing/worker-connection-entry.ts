import { parentPort, workerData } from "node:worker_threads";
import { isTesseraError, type Repositories } from "@tessera/core";
import { createSqliteStorage } from "../sqlite-storage";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

/**
 * The worker side of `openWorkerConnection`: its own SQLite connection to the file, in its
 * own thread, answering repository calls one message each.
 */
const port = parentPort;
if (!port) throw new Error("worker-connection-entry runs only as a worker thread");
const { filename, migrate } = workerData as { filename: string; migrate: boolean };

const reply = (message: WorkerReply) => port.postMessage(message);

try {
  const storage = await createSqliteStorage({ filename, migrate });
  port.on("message", async (request: WorkerRequest) => {
    if (request.kind === "close") {
      await storage.close();
      reply({ kind: "closed" });
      return;
    }
    try {
      const repository = storage[request.repository as keyof Repositories] as unknown as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      >;
      const method = repository[request.method];
      if (!method) throw new Error(`no method ${request.repository}.${request.method}`);
      reply({ kind: "result", id: request.id, value: await method(...request.args) });
    } catch (error) {
      reply({
        kind: "error",
        id: request.id,
        error: isTesseraError(error)
          ? { code: error.code, message: error.message, details: error.details }
          : {
              code: null,
              message: error instanceof Error ? (error.stack ?? error.message) : String(error),
              details: {},
            },
      });
    }
  });
  reply({ kind: "ready" });
} catch (error) {
  reply({ kind: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
