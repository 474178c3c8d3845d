import { describe, expect, it } from "vitest";
import { memoryLogger } from "../http/test-app";
import { createScheduler, type SchedulerTimers } from "./scheduler";

/** Timers that fire only when the test says: passes are driven by work, not wall time. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: SchedulerTimers = {
    set(run) {
      next++;
      pending.set(next, run);
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    pending: () => pending.size,
    fire() {
      const [first] = [...pending];
      if (!first) throw new Error("no timer is armed");
      pending.delete(first[0]);
      first[1]();
    },
  };
}

/** A promise the test resolves by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe("createScheduler", () => {
  it("runs one pass at a time: a call during a pass joins it", async () => {
    const blocker = gate();
    let runs = 0;
    const scheduler = createScheduler({
      tasks: [
        {
          name: "slow",
          async run() {
            runs++;
            await blocker.opened;
            return runs;
          },
        },
      ],
      intervalMs: 1000,
      logger: memoryLogger().logger,
    });
    const first = scheduler.runOnce();
    const second = scheduler.runOnce();
    blocker.open();
    expect(await first).toBe(await second);
    expect(runs).toBe(1);
    await scheduler.runOnce();
    expect(runs).toBe(2);
  });

  it("logs a task that throws and still runs the tasks after it", async () => {
    const log = memoryLogger();
    const ran: string[] = [];
    const scheduler = createScheduler({
      tasks: [
        {
          name: "broken",
          async run() {
            throw new Error("database away");
          },
        },
        {
          name: "after",
          async run() {
            ran.push("after");
            return "done";
          },
        },
      ],
      intervalMs: 1000,
      logger: log.logger,
    });
    const pass = await scheduler.runOnce();
    expect(pass["broken"]?.ok).toBe(false);
    expect(pass["after"]).toEqual({ ok: true, result: "done" });
    expect(ran).toEqual(["after"]);
    expect(log.records()).toContainEqual(
      expect.objectContaining({
        level: "error",
        msg: "scheduled task failed",
        task: "broken",
        component: "scheduler",
        err: expect.objectContaining({ message: "database away" }),
      }),
    );
  });

  it("schedules the next pass only after the last one ends, and stop waits for a pass under way", async () => {
    const timers = manualTimers();
    const blocker = gate();
    let runs = 0;
    let finished = 0;
    const scheduler = createScheduler({
      tasks: [
        {
          name: "work",
          async run() {
            runs++;
            await blocker.opened;
            finished++;
          },
        },
      ],
      intervalMs: 5000,
      logger: memoryLogger().logger,
      timers: timers.timers,
    });
    scheduler.start();
    expect(timers.pending()).toBe(1);
    expect(runs).toBe(0);

    timers.fire();
    expect(runs).toBe(1);
    // The pass is under way: no timer is armed until it ends, so passes never overlap.
    expect(timers.pending()).toBe(0);

    const stopped = scheduler.stop();
    blocker.open();
    await stopped;
    expect(finished).toBe(1);
    // Stopped: the pass that just ended arms no new timer.
    await new Promise((resolve) => setImmediate(resolve));
    expect(timers.pending()).toBe(0);
  });

  it("keeps going after a failing pass: the next timer is armed", async () => {
    const timers = manualTimers();
    let runs = 0;
    const scheduler = createScheduler({
      tasks: [
        {
          name: "always-fails",
          async run() {
            runs++;
            throw new Error("provider down");
          },
        },
      ],
      intervalMs: 5000,
      logger: memoryLogger().logger,
      timers: timers.timers,
    });
    scheduler.start();
    timers.fire();
    await new Promise((resolve) => setImmediate(resolve));
    expect(timers.pending()).toBe(1);
    timers.fire();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(2);
    await scheduler.stop();
    expect(timers.pending()).toBe(0);
  });
});
