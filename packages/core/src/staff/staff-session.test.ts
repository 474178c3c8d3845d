import { describe, expect, it } from "vitest";
import { createManualClock } from "../testing/manual-clock";
import { addMilliseconds } from "../time/instant";
import { isSessionLive, sessionEndsAt, staffSessionLifetime } from "./staff-session";

const hour = 60 * 60 * 1000;

describe("staff session lifetime", () => {
  it("lasts twelve hours at most, ends after two idle hours, and writes a use at most once a minute", () => {
    expect(staffSessionLifetime).toEqual({
      absoluteMs: 12 * hour,
      idleMs: 2 * hour,
      touchEveryMs: 60 * 1000,
    });
  });

  it("ends two hours after the last use, or at the absolute end when that comes first", () => {
    const createdAt = "2026-03-10T08:00:00.000Z";
    const expiresAt = addMilliseconds(createdAt, 12 * hour);
    expect(sessionEndsAt({ expiresAt, lastUsedAt: createdAt })).toBe("2026-03-10T10:00:00.000Z");
    expect(sessionEndsAt({ expiresAt, lastUsedAt: "2026-03-10T17:00:00.000Z" })).toBe(
      "2026-03-10T19:00:00.000Z",
    );
    expect(sessionEndsAt({ expiresAt, lastUsedAt: "2026-03-10T19:30:00.000Z" })).toBe(expiresAt);
  });

  it("is live until its end, and never once revoked", () => {
    const clock = createManualClock("2026-03-10T08:00:00.000Z");
    const session = {
      expiresAt: addMilliseconds(clock.now(), 12 * hour),
      lastUsedAt: clock.now(),
      revokedAt: null,
    };
    clock.advance(2 * hour - 1);
    expect(isSessionLive(session, clock.now())).toBe(true);
    clock.advance(1);
    expect(isSessionLive(session, clock.now())).toBe(false);
    expect(isSessionLive({ ...session, revokedAt: session.lastUsedAt }, session.lastUsedAt)).toBe(false);
  });
});
