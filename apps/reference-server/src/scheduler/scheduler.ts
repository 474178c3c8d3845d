import type { Logger } from "../logging/logger";
import type { SchedulerTask } from "./scheduler-task";

/** How the scheduler waits between passes; injected so tests fire passes by hand. */
export interface SchedulerTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const nodeTimers: SchedulerTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What one pass did: each task's result, or the error it threw. */
export type SchedulerPass = Record<string, { ok: true; result: unknown } | { ok: false; error: unknown }>;

export interface Scheduler {
  /**
   * Runs every task once, in order; a task that throws is logged and the next runs. While
   * a pass runs, another call joins it instead of starting a second (no overlap).
   */
  runOnce(): Promise<SchedulerPass>;
  /** Runs a pass every `intervalMs`, counted from the end of the previous one. */
  start(): void;
  /** Stops the timer and waits for a pass under way to finish. */
  stop(): Promise<void>;
}

/**
 * The server's background work on an interval (recovery, outbox delivery, the sandbox's
 * clock; later the billing run). Each task is safe to run from several instances at once —
 * core claims its work under leases — so one scheduler per process is enough on PostgreSQL.
 *
 * @example
 * ```ts
 * const scheduler = createScheduler({ tasks: schedulerTasks(parts), intervalMs: 5_000, logger });
 * scheduler.start();
 * // on shutdown:
 * await scheduler.stop();
 * ```
 */
export function createScheduler(options: {
  tasks: readonly SchedulerTask[];
  intervalMs: number;
  logger: Logger;
  timers?: SchedulerTimers;
}): Scheduler {
  const timers = options.timers ?? nodeTimers;
  const log = options.logger.child({ component: "scheduler" });
  let running: Promise<SchedulerPass> | null = null;
  let timer: unknown = null;
  let started = false;

  async function pass(): Promise<SchedulerPass> {
    const outcome: SchedulerPass = {};
    for (const task of options.tasks) {
      try {
        outcome[task.name] = { ok: true, result: await task.run() };
      } catch (error) {
        outcome[task.name] = { ok: false, error };
        log.error("scheduled task failed", { task: task.name, err: error });
      }
    }
    return outcome;
  }

  function runOnce(): Promise<SchedulerPass> {
    if (running) return running;
    running = pass().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    if (!started) return;
    timer = timers.set(() => {
      timer = null;
      // runOnce never rejects: each task's error is caught and logged in `pass`.
      void runOnce().then(schedule);
    }, options.intervalMs);
  }

  return {
    runOnce,
    start() {
      if (started) return;
      started = true;
      schedule();
    },
    async stop() {
      started = false;
      if (timer !== null) timers.clear(timer);
      timer = null;
      if (running) await running;
    },
  };
}
