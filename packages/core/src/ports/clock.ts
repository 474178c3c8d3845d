import type { Instant } from "../time/instant";

/**
 * The one source of "now". Services never call `Date.now()`: they ask the clock, so tests
 * move time with a controllable clock (`createManualClock` in `@tessera/core/testing`).
 */
export interface Clock {
  now(): Instant;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date().toISOString() };
