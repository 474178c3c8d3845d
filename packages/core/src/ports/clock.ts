import type { Instant } from "../time/instant";

/**
 * The one source of "now". Services never call `Date.now()`: they ask the clock, so tests
 * move time with a controllable clock (`createManualClock` in `@tessera/core/testing`).
 */
export interface Clock {
  now(): Instant;
}

/**
 * A wall clock. A sale asks for "now" some thirty times, mostly within one millisecond, and
 * formatting an ISO string costs twenty times what reading the milliseconds does: the string
 * is formatted once per millisecond and kept until the next one.
 */
export function createSystemClock(): Clock {
  let lastMillis = Number.NaN;
  let lastInstant = "";
  return {
    now() {
      const millis = Date.now();
      if (millis !== lastMillis) {
        lastMillis = millis;
        lastInstant = new Date(millis).toISOString();
      }
      return lastInstant;
    },
  };
}

/** The wall clock. */
export const systemClock: Clock = createSystemClock();
