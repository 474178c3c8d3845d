import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { ClaimWorkerSettings } from "./claim-worker";

const workerScript = fileURLToPath(new URL("./claim-worker.ts", import.meta.url));

export interface ClaimWorkersOptions extends Omit<ClaimWorkerSettings, "owner" | "dieAfter"> {
  workers: number;
  /**
   * Worker 0 SIGKILLs itself once it has completed this many items, mid-batch, holding
   * leases on items it has not completed (the crash in the crash test).
   */
  killFirstAfter?: number;
  /**
   * Give up (and kill every worker) after this long: a hang detector, so size it from the
   * work, many times what it takes on a busy machine.
   */
  timeoutMs: number;
}

export interface ClaimWorkerReport {
  owner: string;
  /** Ids whose completion this worker saw the database accept, in order. */
  done: string[];
  /** Ids whose lease had passed to another worker when this one tried to complete them. */
  lost: string[];
  /** Whether it killed itself as `killFirstAfter` planned. */
  killed: boolean;
  /** Ids it held leases on, not completed, when it killed itself. */
  held: string[];
  startedAt: number | null;
  finishedAt: number | null;
}

/**
 * Starts `workers` processes of `claim-worker.ts` on one schema, lets them go at the same
 * moment (each says `ready` first, so process start-up is not measured), and collects what
 * each reports. Resolves when every worker has exited.
 */
export async function runClaimWorkers(options: ClaimWorkersOptions): Promise<ClaimWorkerReport[]> {
  const { workers, killFirstAfter, timeoutMs, ...shared } = options;
  const started = Array.from({ length: workers }, (_, index) =>
    startWorker({
      ...shared,
      owner: `worker-${index}`,
      ...(index === 0 && killFirstAfter !== undefined ? { dieAfter: killFirstAfter } : {}),
    }),
  );
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    for (const worker of started) worker.process.kill("SIGKILL");
  }, timeoutMs);
  try {
    await Promise.all(started.map((worker) => worker.ready));
    for (const worker of started) worker.process.stdin?.write("go\n");
    await Promise.all(started.map((worker) => worker.exited));
  } catch (error) {
    // One worker failed: the others would wait for `go`, or for its leases, forever.
    for (const worker of started) worker.process.kill("SIGKILL");
    if (!timedOut) throw error;
    const progress = started.map((worker) => `${worker.report.owner} ${worker.report.done.length} done`);
    throw new Error(`The claim workers had not finished after ${timeoutMs} ms (${progress.join(", ")}).`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  return started.map((worker) => worker.report);
}

interface StartedWorker {
  process: ChildProcess;
  report: ClaimWorkerReport;
  ready: Promise<void>;
  exited: Promise<void>;
}

function startWorker(settings: ClaimWorkerSettings): StartedWorker {
  const child = spawn(
    process.execPath,
    ["--conditions=@tessera/source", "--import", "tsx", workerScript, JSON.stringify(settings)],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  const report: ClaimWorkerReport = {
    owner: settings.owner,
    done: [],
    lost: [],
    killed: false,
    held: [],
    startedAt: null,
    finishedAt: null,
  };
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let markReady: () => void = () => {};
  let failReady: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  const worker: StartedWorker = {
    process: child,
    report,
    ready,
    exited: Promise.resolve(),
  };
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (line) => {
    const [word, value = ""] = line.split(" ");
    if (word === "ready") markReady();
    else if (word === "started") report.startedAt = Number(value);
    else if (word === "finished") report.finishedAt = Number(value);
    else if (word === "done") report.done.push(value);
    else if (word === "lost") report.lost.push(value);
    else if (word === "dying") {
      report.killed = true;
      report.held = value === "" ? [] : value.split(",");
    }
  });
  worker.exited = new Promise<void>((resolve, reject) => {
    child.on("close", (code, signal) => {
      lines.close();
      if ((report.killed && signal === "SIGKILL") || code === 0) return resolve();
      const error = new Error(`${settings.owner} exited with ${code ?? signal}: ${stderr.trim()}`);
      failReady(error);
      reject(error);
    });
  });
  // Awaited only once every worker is ready: until then, a failure reaches the caller through `ready`.
  worker.exited.catch(() => {});
  return worker;
}
