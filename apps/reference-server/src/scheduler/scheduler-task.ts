/** One piece of background work the scheduler runs on each pass. */
export interface SchedulerTask {
  /** Shown in logs and in a pass's outcome. */
  name: string;
  /** Resolves with a report of what it did; a rejection is logged and the pass goes on. */
  run(): Promise<unknown>;
}
