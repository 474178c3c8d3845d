import type { ErrorCode, ErrorDetails } from "@tessera/core";

/** What the test thread asks a worker connection. */
export type WorkerRequest =
  | { kind: "call"; id: number; repository: string; method: string; args: unknown[] }
  | { kind: "close" };

/** What a worker connection answers. */
export type WorkerReply =
  | { kind: "ready" }
  | { kind: "failed"; message: string }
  | { kind: "closed" }
  | { kind: "result"; id: number; value: unknown }
  | { kind: "error"; id: number; error: { code: ErrorCode | null; message: string; details: ErrorDetails } };
